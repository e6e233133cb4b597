/**
 * `Import GitHub release`: reads a release (and, for a new package, its repository) and applies it to the
 * current draft: version, date, notes, and the installers from the release's assets, which are then fetched and
 * hashed. When the assets map to the previous version's installers without doubt, nothing is asked.
 */
import { useId, useState, type FormEvent } from 'react';
import { applyRelease, isInstallerAsset, mapAssetsToInstallers, previousInstallersOf, previousVersionOf, type AppliedRelease } from '../../core/release';
import type { ReleaseInfo, RepositoryInfo } from '../../core/release/types';
import { useGitHubConnection } from '../../document/github-connection';
import { useInstallerSlots } from '../../document/installer-slots';
import { useActions, useDocumentStore } from '../../document/use-editor';
import { createReleaseReader, parseReleaseInput } from '../../github/releases';
import { GitHubError } from '../../github/types';
import { Modal } from '../../ui/modal';
import { AssetRows, type AssetRow } from './asset-rows';
import { isNextVersionDraft, releaseRepositoryOf, withRepository } from './release-source';

type Mode = 'new-version' | 'new-package';

interface Loaded {
  release: ReleaseInfo;
  repository?: RepositoryInfo;
  mode: Mode;
  rows: AssetRow[];
  previousCount: number;
}

function describe(error: unknown): string {
  if (error instanceof GitHubError) return error.userMessage;
  return error instanceof Error ? error.message : String(error);
}

function Summary({ applied, fetching, release }: { applied: AppliedRelease; fetching: number; release: ReleaseInfo }) {
  return (
    <div className="release-summary" role="status">
      <p>
        {`Applied ${release.owner}/${release.repo} ${release.tag}.`}
        {fetching > 0 ? ` Fetching ${fetching} installer${fetching === 1 ? '' : 's'}: progress shows in each installer.` : ''}
      </p>
      {applied.filled.length > 0 && (
        <ul aria-label="Filled from the release">
          {applied.filled.map((f) => (
            <li key={`${f.file}.${f.field}`}>{`${f.field}: ${f.value.length > 120 ? `${f.value.slice(0, 117)}…` : f.value}`}</li>
          ))}
        </ul>
      )}
      {applied.kept.length > 0 && (
        <ul aria-label="Kept as they were">
          {applied.kept.map((k) => (
            <li key={k.field}>{`${k.field}: ${k.reason}`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ImportReleaseDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const inputId = useId();
  const store = useDocumentStore();
  const actions = useActions();
  const { fetchAll } = useInstallerSlots();
  const { apiBaseUrl, token } = useGitHubConnection();
  const [input, setInput] = useState(() => releaseRepositoryOf(store.getState().set));
  const [status, setStatus] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [result, setResult] = useState<{ applied: AppliedRelease; fetching: number; release: ReleaseInfo } | undefined>(undefined);

  const apply = (plan: Loaded, rows: readonly AssetRow[]) => {
    let applied: AppliedRelease | undefined;
    actions.updateSet((set) => {
      applied = applyRelease(set, {
        release: plan.release,
        mode: plan.mode,
        ...(plan.repository ? { repository: plan.repository } : {}),
        rows: rows.filter((r) => r.use).map((r) => ({ asset: r.asset, ...(r.previous !== undefined ? { previous: r.previous } : {}) })),
      });
      return applied.set;
    });
    const fetching = fetchAll?.() ?? 0;
    if (applied) setResult({ applied, fetching, release: plan.release });
    setLoaded(undefined);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseReleaseInput(withRepository(input, releaseRepositoryOf(store.getState().set)), apiBaseUrl);
    if ('error' in parsed) {
      setStatus({ busy: false, error: parsed.error });
      return;
    }
    setStatus({ busy: true });
    setResult(undefined);
    try {
      const reader = createReleaseReader({ apiBaseUrl, token });
      const set = store.getState().set;
      const mode: Mode = isNextVersionDraft(set) ? 'new-version' : 'new-package';
      const [release, repository] = await Promise.all([
        reader.getRelease(parsed.owner, parsed.repo, parsed.tag),
        mode === 'new-package' ? reader.getRepository(parsed.owner, parsed.repo) : Promise.resolve(undefined),
      ]);
      const installers = release.assets.filter((a) => isInstallerAsset(a.name));
      if (installers.length === 0) {
        setStatus({ busy: false, error: `${release.owner}/${release.repo} ${release.tag} has no installer among its assets (exe, msi, msix, msixbundle, appx, appxbundle, zip).` });
        return;
      }
      const previous = mode === 'new-version' ? previousInstallersOf(set) : [];
      const plan: Loaded = { release, mode, rows: [], previousCount: previous.length, ...(repository ? { repository } : {}) };
      if (mode === 'new-package') {
        plan.rows = installers.map((asset) => ({ asset, use: true }));
        setStatus({ busy: false });
        apply(plan, plan.rows);
        return;
      }
      const mapping = mapAssetsToInstallers(previous, previousVersionOf(set) ?? String(set.version.PackageVersion ?? ''), release);
      plan.rows = mapping.rows.map((r) => ({ asset: r.asset, use: mapping.automatic || r.previous !== undefined, ...(r.previous !== undefined ? { previous: r.previous } : {}) }));
      setStatus({ busy: false });
      if (mapping.automatic) apply(plan, plan.rows);
      else setLoaded(plan);
    } catch (error) {
      setStatus({ busy: false, error: describe(error) });
    }
  };

  return (
    <Modal labelId={titleId} onClose={onClose} className="submit-dialog release-dialog">
      <form onSubmit={(e) => void onSubmit(e)}>
        <h2 id={titleId}>Import GitHub release</h2>
        <p className="submit-hint">
          Fills the draft from a release: PackageVersion from its tag, ReleaseDate, ReleaseNotes and ReleaseNotesUrl,
          and one installer per asset, each downloaded and hashed in this browser. For a new package, also the
          publisher, name, license, description and tags of the repository. Public repositories need no token.
        </p>
        <div className="submit-field">
          <label htmlFor={inputId}>Release URL</label>
          <input id={inputId} type="text" value={input} spellCheck={false} autoCapitalize="off" autoFocus
            placeholder="https://github.com/owner/repo/releases/tag/v1.2.3, a tag, or the repository for its latest release"
            onChange={(e) => setInput(e.target.value)} />
        </div>
        {status.busy && <p role="status" className="submit-hint">Reading the release…</p>}
        {status.error && <p role="alert" className="submit-error">{status.error}</p>}
        {loaded && (
          <AssetRows release={loaded.release} rows={loaded.rows} previousCount={loaded.previousCount}
            onChange={(rows) => setLoaded({ ...loaded, rows })} />
        )}
        {result && <Summary {...result} />}
        <div className="submit-buttons">
          <button type="button" onClick={onClose}>{result ? 'Close' : 'Cancel'}</button>
          {loaded ? (
            <button type="button" className="submit-primary" onClick={() => apply(loaded, loaded.rows)} disabled={!loaded.rows.some((r) => r.use)}>
              Apply release
            </button>
          ) : (
            <button type="submit" className="submit-primary" disabled={status.busy}>Import</button>
          )}
        </div>
      </form>
    </Modal>
  );
}
