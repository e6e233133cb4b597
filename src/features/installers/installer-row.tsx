import { useId, useState } from 'react';
import type { ManifestSet } from '../../core/model/types';
import { installersOf, installersWithHash, urlFileName } from './assign';
import { progressText, rateOf, sizeText } from './progress';
import type { FileRow } from './rows-store';
import { valueText } from './suggestions';
import type { useInstallerFiles } from './use-installer-files';

type Actions = ReturnType<typeof useInstallerFiles>;

function installerLabel(set: ManifestSet, index: number): string {
  const inst = installersOf(set)[index];
  const arch = typeof inst?.Architecture === 'string' && inst.Architecture ? inst.Architecture : 'no architecture';
  const file = urlFileName(typeof inst?.InstallerUrl === 'string' ? inst.InstallerUrl : '');
  return `Installer ${index + 1} (${arch}${file ? `, ${file}` : ''})`;
}

function waitingText(row: FileRow): string {
  if (row.status === 'resolving') return 'Finding the file on GitHub…';
  if (row.url !== undefined && row.size === 0) return 'Waiting for a free worker';
  return `Waiting for a free worker (${sizeText(row.size)})`;
}

/** The progress bar named by the file; a download of unknown size shows bytes and speed without a fraction. */
export function Progress({ row }: { row: FileRow }) {
  const rate = rateOf(row.samples);
  const waiting = row.status === 'queued' || row.status === 'resolving';
  const known = row.size > 0;
  const text = waiting ? waitingText(row) : known ? progressText(row.bytesDone, row.size, rate) : progressText(row.bytesDone, undefined, rate);
  const pct = known ? (row.bytesDone / row.size) * 100 : 0;
  const range = known ? { 'aria-valuemin': 0, 'aria-valuemax': row.size, 'aria-valuenow': row.bytesDone } : {};
  return (
    <div className="installer-progress">
      <div role="progressbar" aria-label={row.name} {...range} aria-valuetext={text} className={`installer-bar${known ? '' : ' installer-bar-unknown'}`}>
        <div className="installer-bar-fill" style={{ width: `${pct.toFixed(1)}%` }} />
      </div>
      <span className="installer-progress-text">{text}</span>
    </div>
  );
}

function Assignment({ row, set, actions }: { row: FileRow; set: ManifestSet; actions: Actions }) {
  const selectId = useId();
  const holders = installersWithHash(set, row.sha256!);
  const count = installersOf(set).length;
  return (
    <div className="installer-assign">
      <span>
        {holders.length > 0 ? `InstallerSha256 of ${holders.map((i) => `Installer ${i + 1}`).join(', ')}` : 'Not in any installer yet'}
      </span>
      <label htmlFor={selectId}>Assign to</label>
      <select
        id={selectId}
        value=""
        onChange={(e) => {
          const v = e.target.value;
          if (v) actions.assignTo(row.id, v === 'new' ? 'new' : Number(v));
        }}
      >
        <option value="">Choose…</option>
        {Array.from({ length: count }, (_, i) => (
          <option key={i} value={i}>{installerLabel(set, i)}</option>
        ))}
        <option value="new">A new installer</option>
      </select>
    </div>
  );
}

function NestedChooser({ row, actions }: { row: FileRow; actions: Actions }) {
  const candidates = (row.analysis?.entries ?? []).filter((e) => e.kind !== 'unknown' && e.kind !== 'zip');
  const [choice, setChoice] = useState(row.nestedPath ?? candidates[0]?.path ?? '');
  const selectId = useId();
  if (candidates.length === 0) return null;
  return (
    <div className="installer-nested">
      <label htmlFor={selectId}>Installer inside the zip (NestedInstallerFiles)</label>
      <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
        {candidates.map((e) => (
          <option key={e.path} value={e.path}>{`${e.path} (${e.kind}, ${sizeText(e.size)})`}</option>
        ))}
      </select>
      <button type="button" disabled={!choice || row.status === 'analysing'} onClick={() => actions.chooseNested(row.id, choice)}>
        {row.nestedPath === choice ? 'Analyse again' : 'Use this installer'}
      </button>
    </div>
  );
}

export function InstallerRow({ row, set, actions }: { row: FileRow; set: ManifestSet; actions: Actions }) {
  const busy = row.status === 'queued' || row.status === 'hashing';
  const failed = row.status === 'failed' || row.status === 'cancelled';
  return (
    <li className={`installer-row installer-row-${row.status}`}>
      <div className="installer-row-head">
        <strong className="installer-name">{row.name}</strong>
        <span className="installer-size">{sizeText(row.size)}</span>
        {busy || row.status === 'analysing' ? (
          <button type="button" aria-label={`Cancel ${row.name}`} onClick={() => actions.cancel(row.id)}>Cancel</button>
        ) : (
          <button type="button" aria-label={`Dismiss ${row.name}`} onClick={() => actions.dismiss(row.id)}>Dismiss</button>
        )}
      </div>
      {busy && <Progress row={row} />}
      {failed && <p className="installer-error" role="alert">{row.error}</p>}
      {row.sha256 && (
        <>
          <p className="installer-hash">
            SHA-256 <code>{row.sha256}</code>
            {row.seconds !== undefined && row.seconds >= 0.5 && <span className="installer-speed"> · {sizeText(row.size / row.seconds)}/s</span>}
          </p>
          {row.mismatch.length > 0 && (
            <div className="installer-problem" role="alert">
              <span>
                InstallerSha256 in the manifest differs from this file's hash ({row.mismatch.map((i) => `Installer ${i + 1}`).join(', ')}).
              </span>
              <button type="button" onClick={() => actions.replace(row.id)}>Replace</button>
            </div>
          )}
          {!row.dropZip && <Assignment row={row} set={set} actions={actions} />}
        </>
      )}
      {row.status === 'analysing' && row.sha256 && <p className="installer-note">Reading the installer…</p>}
      {row.analysis && <p className="installer-kind">Installer type found: {row.analysis.kind}</p>}
      {row.analysis?.error && <p className="installer-error">{row.analysis.error}</p>}
      {row.analysisError && <p className="installer-error">{row.analysisError}</p>}
      {row.analysis?.notes.map((note) => <p key={note} className="installer-note">{note}</p>)}
      {row.applied.length > 0 && (
        <ul className="installer-applied" aria-label={`Filled from ${row.name}`}>
          {row.applied.map((p, i) => (
            <li key={i}>{`Filled ${p.suggestion.field}${p.suggestion.target === 'installer' ? ` (Installer ${p.installer + 1})` : ''}: ${valueText(p.suggestion.value)} — ${p.suggestion.source}`}</li>
          ))}
        </ul>
      )}
      {row.offered.length > 0 && (
        <ul className="installer-offers" aria-label={`Suggestions from ${row.name}`}>
          {row.offered.map((p, i) => (
            <li key={i}>
              <span>{p.suggestion.field}{p.suggestion.certain ? '' : ' (a guess)'}</span>
              <button type="button" onClick={() => actions.accept(row.id, p)}>
                {`Use '${valueText(p.suggestion.value)}' (${p.suggestion.source})`}
              </button>
            </li>
          ))}
        </ul>
      )}
      {row.analysis && <NestedChooser row={row} actions={actions} />}
    </li>
  );
}
