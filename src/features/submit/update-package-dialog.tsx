import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_MANIFEST_VERSION, WRITABLE_MANIFEST_VERSIONS } from '../../core/manifest-version';
import type { WritableManifestVersion } from '../../core/manifest-version';
import { useDocumentStore } from '../../document/use-editor';
import { GitHubError } from '../../github/types';
import type { PackageInfo } from '../../github/types';
import { Modal } from '../../ui/modal';
import { setBaseline } from './next-version-baseline';
import { nextVersionFiles } from './next-version-files';
import { RemoveVersionDialog } from './remove-version-dialog';
import { useGitHubClient } from './use-github-client';
import { GitHubQueries } from '../../document/github-queries';

function describe(error: unknown): string {
  if (error instanceof GitHubError) return error.userMessage;
  return error instanceof Error ? error.message : String(error);
}

/** Remembered between openings, so choosing an older version is: open again, pick, Load. */
let lastIdentifier = '';

/**
 * `Update existing package`: finds the identifier's folder in the target repository, lists its versions and
 * starts a new draft for the next version from the newest one (or the one chosen). `Remove version` beside the
 * list turns it into the Remove version dialog for that package, one modal at a time.
 */
export function UpdatePackageDialog({ onClose }: { onClose: () => void }) {
  const [removing, setRemoving] = useState<{ pkg: PackageInfo; version: string } | undefined>(undefined);
  return (
    <GitHubQueries>
      {removing ? (
        <RemoveVersionDialog pkg={removing.pkg} initialVersion={removing.version} onClose={onClose} />
      ) : (
        <UpdatePackageDialogBody onClose={onClose} onRemoveVersion={(pkg, version) => setRemoving({ pkg, version })} />
      )}
    </GitHubQueries>
  );
}

function UpdatePackageDialogBody({ onClose, onRemoveVersion }: { onClose: () => void; onRemoveVersion: (pkg: PackageInfo, version: string) => void }) {
  const titleId = useId();
  const idInput = useId();
  const versionSelect = useId();
  const manifestSelect = useId();
  const store = useDocumentStore();
  const queryClient = useQueryClient();
  const { client, connection, keyPrefix } = useGitHubClient();
  const [identifier, setIdentifier] = useState(lastIdentifier);
  const [found, setFound] = useState<PackageInfo | undefined>(() =>
    lastIdentifier ? queryClient.getQueryData<PackageInfo>([...keyPrefix, 'package', lastIdentifier.toLowerCase()]) : undefined,
  );
  const [chosen, setChosen] = useState('');
  const [manifestVersion, setManifestVersion] = useState<WritableManifestVersion>(DEFAULT_MANIFEST_VERSION);
  const [status, setStatus] = useState<{ busy: boolean; error?: string }>({ busy: false });

  const findPackage = (id: string) =>
    queryClient.fetchQuery({
      queryKey: [...keyPrefix, 'package', id.toLowerCase()],
      queryFn: async () => (await client.findPackage(id)) ?? null,
      staleTime: 60_000,
    });

  /** The typed package with its versions; undefined when there is none to load, with the reason shown. */
  const lookUp = async (): Promise<PackageInfo | undefined> => {
    const id = identifier.trim();
    if (id === '') {
      setStatus({ busy: false, error: 'Type a PackageIdentifier, e.g. Microsoft.PowerToys.' });
      return undefined;
    }
    lastIdentifier = id;
    setStatus({ busy: true });
    const pkg = await findPackage(id);
    if (!pkg || pkg.versions.length === 0) {
      setFound(undefined);
      setStatus({ busy: false, error: `No package ${id} in the target repository. Check the identifier, or start a New manifest.` });
      return undefined;
    }
    return pkg;
  };

  /** `List versions`: only the list, to pick a version to start from or to remove, without loading one. */
  const onList = async () => {
    try {
      const pkg = await lookUp();
      if (!pkg) return;
      setFound(pkg);
      setStatus({ busy: false });
    } catch (error) {
      setStatus({ busy: false, error: describe(error) });
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const pkg = await lookUp();
      if (!pkg) return;
      setFound(pkg);
      const sameList = found?.identifier.toLowerCase() === pkg.identifier.toLowerCase();
      const version = (sameList && pkg.versions.find((v) => v.version === chosen)) || pkg.versions[0]!;
      const files = await queryClient.fetchQuery({
        queryKey: [...keyPrefix, 'version', pkg.identifier.toLowerCase(), version.version],
        queryFn: () => client.loadVersion(pkg, version.version),
        staleTime: 5 * 60_000,
      });
      const next = await nextVersionFiles(files, manifestVersion);
      const result = store.importFiles(next.files);
      if (!result.ok) {
        setStatus({ busy: false, error: result.findings[0]?.message ?? 'The published files could not be loaded.' });
        return;
      }
      const draftId = store.getState().draftId;
      setBaseline(draftId, next.baseline);
      store.renameDraft(next.draftName);
      onClose();
      // The one value nobody else can know: the user types the new PackageVersion first.
      store.focusFinding({ severity: 'warning', rule: 'github-next-version', message: '', file: next.versionFileName, field: 'PackageVersion', line: 0, column: 0 });
    } catch (error) {
      setStatus({ busy: false, error: describe(error) });
    }
  };

  const versions = found?.versions ?? [];
  return (
    <Modal labelId={titleId} onClose={onClose} className="submit-dialog">
      <form onSubmit={(e) => void onSubmit(e)}>
        <h2 id={titleId}>Update existing package</h2>
        <p className="submit-hint">
          Starts a new draft for the next version from a version published in the target repository: release notes,
          release date and hashes are cleared, everything else is kept.
        </p>
        <div className="submit-field">
          <label htmlFor={idInput}>Package identifier</label>
          <div className="submit-version-row">
            <input id={idInput} type="text" value={identifier} spellCheck={false} autoCapitalize="off" placeholder="Publisher.Package"
              onChange={(e) => setIdentifier(e.target.value)} autoFocus />
            <button type="button" disabled={status.busy} onClick={() => void onList()}>List versions</button>
          </div>
        </div>
        {versions.length > 0 && found?.identifier.toLowerCase() === identifier.trim().toLowerCase() && (
          <div className="submit-field">
            <label htmlFor={versionSelect}>Start from version</label>
            <div className="submit-version-row">
              <select id={versionSelect} value={chosen || versions[0]!.version} onChange={(e) => setChosen(e.target.value)}>
                {versions.map((v, i) => (
                  <option key={v.folder} value={v.version}>{v.version}{i === 0 ? ' (newest)' : ''}</option>
                ))}
              </select>
              <button type="button" disabled={status.busy} onClick={() => onRemoveVersion(found, chosen || versions[0]!.version)}>Remove version</button>
            </div>
            <p className="submit-hint">{versions.length} {versions.length === 1 ? 'version' : 'versions'} of {found.identifier} found.</p>
          </div>
        )}
        <div className="submit-field">
          <label htmlFor={manifestSelect}>ManifestVersion of the new draft</label>
          <select id={manifestSelect} value={manifestVersion}
            onChange={(e) => setManifestVersion(e.target.value as WritableManifestVersion)}>
            {WRITABLE_MANIFEST_VERSIONS.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </div>
        {connection.token === '' && (
          <p className="submit-hint">
            No token in Settings: the public repository is read without one (GitHub allows 60 requests an hour). The pull
            request will need one.
          </p>
        )}
        {status.busy && <p role="status" className="submit-hint">Loading from the target repository…</p>}
        {status.error && <p role="alert" className="submit-error">{status.error}</p>}
        <div className="submit-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="submit-primary" disabled={status.busy}>Load</button>
        </div>
      </form>
    </Modal>
  );
}
