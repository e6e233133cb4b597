import { useId, useMemo, useState } from 'react';
import { applyInstallerRows, installerTraits, staleAppsAndFeatures } from '../../core/model/installer-matching';
import { expandInstallers } from '../../core/model/installers';
import { replaceVersionInUrl } from '../../core/model/next-version';
import type { Installer } from '../../core/schema';
import { useActions, useEditor } from '../../document/use-editor';
import type { EditorState } from '../../document/types';
import { describeTraits, effectiveMapping, rowKey, rowsFromDraft, withUrl } from './matcher-rows';
import type { MatcherRow, RowChoice } from './matcher-rows';
import { useBaseline } from './next-version-baseline';

const selectDraftId = (s: EditorState) => s.draftId;
const selectInstaller = (s: EditorState) => s.set.installer;
const selectPackageVersion = (s: EditorState) => s.set.version.PackageVersion ?? '';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function PreviousList({ installers }: { installers: Installer[] }) {
  return (
    <ol className="matcher-previous">
      {installers.map((installer, i) => (
        <li key={i}>
          <strong>Installer {i + 1}</strong> <span className="matcher-traits">{describeTraits(installerTraits(installer))}</span>
          <span className="matcher-url">{text((installer as unknown as Record<string, unknown>).InstallerUrl)}</span>
        </li>
      ))}
    </ol>
  );
}

function RowEditor({ row, index, previous, mapped, onChange, onRemove }: {
  row: MatcherRow; index: number; previous: Installer[]; mapped: number | undefined;
  onChange: (row: MatcherRow) => void; onRemove: () => void;
}) {
  const urlId = useId();
  const choiceId = useId();
  const n = index + 1;
  const value = mapped === undefined ? 'none' : String(mapped);
  return (
    <li className="matcher-row">
      <label htmlFor={urlId}>InstallerUrl of new installer {n}</label>
      <input id={urlId} type="url" value={row.url} spellCheck={false} placeholder="https://…"
        onChange={(e) => onChange(withUrl(row, e.target.value))} />
      <label htmlFor={choiceId}>Continues previous installer (new installer {n})</label>
      <select id={choiceId} value={value} onChange={(e) => {
        const choice: RowChoice = e.target.value === 'none' ? 'none' : Number(e.target.value);
        onChange({ ...row, choice });
      }}>
        {previous.map((p, i) => (
          <option key={i} value={String(i)}>Installer {i + 1}: {describeTraits(installerTraits(p))}</option>
        ))}
        <option value="none">None: start empty</option>
      </select>
      <span className="matcher-traits">Seen in the URL or draft: {describeTraits(row)}{row.sha256 ? ' · hashed' : ''}</span>
      <button type="button" onClick={onRemove} aria-label={`Remove new installer ${n}`}>Remove row</button>
    </li>
  );
}

/**
 * The installer matcher of a next-version draft: the previous version's installers beside the new ones, matched
 * by architecture, installer type, scope and locale, to remap, add or remove before applying to the draft.
 */
export function InstallerMatcher() {
  const draftId = useEditor(selectDraftId);
  const installerManifest = useEditor(selectInstaller);
  const baseline = useBaseline(draftId);
  const packageVersion = useEditor(selectPackageVersion);
  const actions = useActions();
  const current = useMemo(() => expandInstallers(installerManifest), [installerManifest]);
  const [edited, setEdited] = useState<{ draftId: string; rows: MatcherRow[] } | undefined>(undefined);
  const derived = useMemo(() => rowsFromDraft(current), [current]);
  const rows = edited?.draftId === draftId ? edited.rows : derived;
  const stale = useMemo(() => (baseline ? staleAppsAndFeatures(baseline.previousInstallers, current) : []), [baseline, current]);
  if (!baseline) return null;
  const previous = baseline.previousInstallers;
  const mapping = effectiveMapping(rows, previous);
  const setRows = (next: MatcherRow[]) => setEdited({ draftId, rows: next });

  const apply = () => {
    // An untouched row keeps the draft's own installer (edits made in the form); others start from the previous one.
    const bases = [...previous, ...current];
    const applied = rows.map((row, i) =>
      row.source !== undefined && row.choice === 'auto' ? previous.length + row.source : mapping[i],
    );
    actions.updateSet((set) => applyInstallerRows(set, bases, rows, applied));
    setEdited(undefined);
  };
  const unmatched = previous.map((_, i) => i).filter((i) => !mapping.includes(i));
  const bumped = rows.map((row) => withUrl(row, replaceVersionInUrl(row.url, baseline.previousVersion, packageVersion.trim())));
  const bumpable = bumped.filter((row, i) => row.url !== rows[i]!.url).length;

  return (
    <section className="matcher" aria-labelledby={`matcher-${draftId}`}>
      <details open>
        <summary id={`matcher-${draftId}`}>
          Installer matcher: {baseline.identifier} {baseline.previousVersion} ({previous.length}) → new version ({rows.length})
        </summary>
        <div className="matcher-columns">
          <div>
            <h3>Previous version {baseline.previousVersion}</h3>
            <PreviousList installers={previous} />
          </div>
          <div>
            <h3>New version</h3>
            <ol className="matcher-rows">
              {rows.map((row, i) => (
                <RowEditor key={row.key} row={row} index={i} previous={previous} mapped={mapping[i]}
                  onChange={(next) => setRows(rows.map((r) => (r.key === row.key ? next : r)))}
                  onRemove={() => setRows(rows.filter((r) => r.key !== row.key))} />
              ))}
            </ol>
            <div className="matcher-buttons">
              {bumpable > 0 && (
                <button type="button" onClick={() => setRows(bumped)}>
                  Use {packageVersion.trim()} in {bumpable} installer URL{bumpable === 1 ? '' : 's'} (replaces {baseline.previousVersion})
                </button>
              )}
              <button type="button" onClick={() => setRows([...rows, { key: rowKey(), url: '', choice: 'auto' }])}>Add new installer row</button>
              <button type="button" className="submit-primary" onClick={apply} disabled={!edited || edited.draftId !== draftId}>Apply to draft</button>
            </div>
            {unmatched.length > 0 && (
              <p className="matcher-note">Not carried over: {unmatched.map((i) => `Installer ${i + 1}`).join(', ')}.</p>
            )}
          </div>
        </div>
        {stale.length > 0 && (
          <ul className="matcher-stale" aria-label="Stale AppsAndFeaturesEntries">
            {stale.map((s) => (
              <li key={`${s.installer}-${s.entry}-${s.key}`}>
                Installer {s.installer + 1}, AppsAndFeaturesEntries {s.entry + 1}: {s.key} {s.value} is still the previous
                version&apos;s value although the installer changed. Refresh it from the new installer.
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
