/** When the assets do not map to the previous installers by name alone: the user confirms each asset's role. */
import { useId } from 'react';
import type { ReleaseAsset, ReleaseInfo } from '../../core/release/types';

export interface AssetRow {
  asset: ReleaseAsset;
  use: boolean;
  /** The previous version's installer (index) this asset continues; undefined: a new installer from scratch. */
  previous?: number;
}

function Row({ row, previousCount, onChange }: { row: AssetRow; previousCount: number; onChange: (row: AssetRow) => void }) {
  const useId_ = useId();
  const selectId = useId();
  return (
    <li className="release-asset">
      <input id={useId_} type="checkbox" checked={row.use} onChange={(e) => onChange({ ...row, use: e.target.checked })} />
      <label htmlFor={useId_}>{row.asset.name}</label>
      <label htmlFor={selectId} className="release-asset-continues">{`Continues (${row.asset.name})`}</label>
      <select id={selectId} value={row.previous === undefined ? 'none' : String(row.previous)} disabled={!row.use}
        onChange={(e) => {
          const { previous: _previous, ...rest } = row;
          onChange(e.target.value === 'none' ? rest : { ...rest, previous: Number(e.target.value) });
        }}>
        {Array.from({ length: previousCount }, (_, i) => (
          <option key={i} value={String(i)}>{`Installer ${i + 1}`}</option>
        ))}
        <option value="none">A new installer</option>
      </select>
    </li>
  );
}

export function AssetRows({ release, rows, previousCount, onChange }: {
  release: ReleaseInfo; rows: AssetRow[]; previousCount: number; onChange: (rows: AssetRow[]) => void;
}) {
  return (
    <fieldset className="release-assets">
      <legend>{`Installers of ${release.tag}`}</legend>
      <p className="submit-hint">
        These file names do not say on their own which installer of the previous version each one replaces. Each new
        installer starts from the values of the one it continues (switches, scope, return codes).
      </p>
      <ul>
        {rows.map((row, i) => (
          <Row key={`${row.asset.id}-${i}`} row={row} previousCount={previousCount} onChange={(next) => onChange(rows.map((r, j) => (j === i ? next : r)))} />
        ))}
      </ul>
    </fieldset>
  );
}
