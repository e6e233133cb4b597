/**
 * What the installer groups and the Installers section show for downloads: `Fetch` in each group with an
 * InstallerUrl, the download's progress and errors inside that group (with Retry, or the file to drop when the
 * server refuses web pages), and `Fetch installers` for every installer still without a hash.
 */
import type { EditorState } from '../../document/types';
import { useEditor } from '../../document/use-editor';
import { effectiveUrls, urlFileName } from './assign';
import { urlsToFetch } from './fetch-jobs';
import { Progress } from './installer-row';
import { useRows, type FileRow } from './rows-store';
import { useInstallerFiles } from './use-installer-files';

const selectSet = (s: EditorState) => s.set;
const selectDraftId = (s: EditorState) => s.draftId;

function Failure({ row, retry }: { row: FileRow; retry: () => void }) {
  const name = urlFileName(row.url ?? '') ?? row.name;
  const needsDrop = row.failure === 'blocked' || row.failure === 'private';
  return (
    <div className="installer-problem installer-fetch-error" role="alert">
      <span>{row.error}</span>
      {needsDrop && !row.error?.includes('drop') && <span>{`Download ${name} yourself and drop it here (or choose it with Add installer files…).`}</span>}
      {!needsDrop && (
        <button type="button" onClick={retry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** Inside `Installer N`: Fetch, and the state of the latest download of its URL. */
export function InstallerFetch({ index }: { index: number }) {
  const set = useEditor(selectSet);
  const draftId = useEditor(selectDraftId);
  const rows = useRows();
  const actions = useInstallerFiles();
  const url = effectiveUrls(set)[index] ?? '';
  if (url === '') return null;
  const row = rows.findLast((r) => r.draftId === draftId && r.url === url);
  const busy = row !== undefined && ['resolving', 'queued', 'hashing'].includes(row.status);
  return (
    <div className="installer-fetch">
      <div className="installer-fetch-head">
        {busy ? (
          <button type="button" className="wf-button wf-button-small" aria-label={`Cancel ${row.name}`} onClick={() => actions.cancel(row.id)}>
            Cancel
          </button>
        ) : (
          <button type="button" className="wf-button wf-button-small" title={`Download ${urlFileName(url) ?? url}, hash it and read it, in this browser`} onClick={() => actions.fetch(url)}>
            Fetch
          </button>
        )}
        {row?.status === 'done' && row.sha256 && <span className="installer-note">{`Fetched ${row.name}: SHA-256 ${row.sha256}`}</span>}
        {row?.status === 'analysing' && <span className="installer-note">Reading the installer…</span>}
        {row?.status === 'cancelled' && <span className="installer-note">Download cancelled; nothing was changed.</span>}
      </div>
      {busy && <Progress row={row} />}
      {row?.status === 'failed' && <Failure row={row} retry={() => actions.retry(row.id)} />}
      {row?.warnings.map((w) => (
        <p key={w} className="installer-note installer-warning">
          {w}
        </p>
      ))}
    </div>
  );
}

/** In the Installers section: fetches every installer with an InstallerUrl and no InstallerSha256. */
export function FetchInstallersButton() {
  const set = useEditor(selectSet);
  const actions = useInstallerFiles();
  const count = urlsToFetch(set).length;
  return (
    <button
      type="button"
      className="wf-button"
      disabled={count === 0}
      title={count === 0 ? 'Every installer with an InstallerUrl has its InstallerSha256' : `Download and hash ${count} installer${count === 1 ? '' : 's'} in this browser`}
      onClick={() => actions.fetchMissing()}
    >
      Fetch installers
    </button>
  );
}
