import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useDocumentStore } from '../../document/use-editor';
import { GitHubError } from '../../github/types';
import type { LoadedPullRequest } from '../../github/types';
import { Modal } from '../../ui/modal';
import { GitHubQueries } from '../../document/github-queries';
import { explainLabel } from './pull-request-labels';
import { useGitHubClient } from './use-github-client';

function describe(error: unknown): string {
  if (error instanceof GitHubError) return error.userMessage;
  return error instanceof Error ? error.message : String(error);
}

/** `Edit open pull request`: loads a pull request's version folder into a new draft linked to it. */
export function EditPullRequestDialog({ onClose }: { onClose: () => void }) {
  return (
    <GitHubQueries>
      <EditPullRequestBody onClose={onClose} />
    </GitHubQueries>
  );
}

function Labels({ labels }: { labels: readonly string[] }) {
  if (labels.length === 0) return <p className="submit-hint">No labels.</p>;
  return (
    <ul className="pr-labels" aria-label="Labels">
      {labels.map((label) => {
        const why = explainLabel(label);
        return (
          <li key={label}>
            <span className="pr-label">{label}</span>
            {why && <span className="pr-label-why"> {why}</span>}
          </li>
        );
      })}
    </ul>
  );
}

function EditPullRequestBody({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const inputId = useId();
  const store = useDocumentStore();
  const { client, connection, keyPrefix } = useGitHubClient();
  const [ref, setRef] = useState('');
  const [status, setStatus] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const [loaded, setLoaded] = useState<LoadedPullRequest>();
  const [converted, setConverted] = useState<{ from: string; to: string }>();
  const mine = useQuery({
    queryKey: [...keyPrefix, 'my-open-pull-requests'],
    queryFn: () => client.myOpenPullRequests(),
    enabled: connection.token !== '',
    staleTime: 30_000,
    retry: false,
  });

  const openDraft = (result: LoadedPullRequest, linked: boolean): boolean => {
    const imported = store.importFiles(result.files.map((f) => ({ name: f.name, data: f.text })));
    if (!imported.ok) {
      const first = imported.findings[0];
      setStatus({ busy: false, error: `The pull request’s files could not be opened${first ? `: ${first.file}: ${first.message}` : '.'}` });
      return false;
    }
    if (linked) store.linkPullRequest(result.link);
    const written = /^ManifestVersion:\s*['"]?([^'"\s#]+)/m.exec(result.files[0]?.text ?? '')?.[1];
    const now = store.getState().manifestVersion;
    setConverted(written && written !== now ? { from: written, to: now } : undefined);
    return true;
  };

  const load = async (input: string) => {
    setStatus({ busy: true });
    setLoaded(undefined);
    try {
      const result = await client.loadPullRequest(client.pullRequestNumber(input));
      setLoaded(result);
      if (result.notPushable || openDraft(result, true)) setStatus({ busy: false });
    } catch (error) {
      setStatus({ busy: false, error: describe(error) });
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (ref.trim() === '') {
      setStatus({ busy: false, error: 'Type the pull request’s number or URL, or pick one of yours below.' });
      return;
    }
    void load(ref);
  };

  return (
    <Modal labelId={titleId} onClose={status.busy ? () => undefined : onClose} className="submit-dialog">
      <form onSubmit={onSubmit}>
        <h2 id={titleId}>Edit open pull request</h2>
        <p className="submit-hint">
          Loads the manifest files of a pull request on {connection.repository} into a new draft. Push changes then adds one
          commit to the same pull request, so reviewers see your fix where they asked for it.
        </p>
        {connection.token === '' && <p className="submit-warning">Save a GitHub token in Settings first: reading your pull requests and pushing to them needs one.</p>}
        <div className="submit-field">
          <label htmlFor={inputId}>Pull request</label>
          <input id={inputId} type="text" value={ref} spellCheck={false} autoCapitalize="off" autoFocus
            placeholder={`123 or https://github.com/${connection.repository}/pull/123`} onChange={(e) => setRef(e.target.value)} />
        </div>
        {mine.data && mine.data.length > 0 && (
          <div className="submit-field">
            <span className="submit-field-title" id={`${inputId}-mine`}>Your open pull requests</span>
            <ul className="pr-pick" aria-labelledby={`${inputId}-mine`}>
              {mine.data.map((pr) => (
                <li key={pr.number}>
                  <button type="button" disabled={status.busy} onClick={() => { setRef(String(pr.number)); void load(String(pr.number)); }}>
                    #{pr.number} {pr.title}
                  </button>
                  {pr.labels.length > 0 && <span className="submit-hint"> {pr.labels.join(', ')}</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {mine.error && <p className="submit-hint">Your open pull requests could not be listed: {describe(mine.error)}</p>}
        {status.busy && <p role="status" className="submit-hint">Reading the pull request…</p>}
        {status.error && <p role="alert" className="submit-error">{status.error}</p>}
        {loaded && (
          <div className="submit-result" role="status">
            <p>
              <a href={loaded.link.url} target="_blank" rel="noreferrer">Pull request #{loaded.link.number}: {loaded.link.title}</a>
            </p>
            {loaded.notPushable ? (
              <>
                <p className="submit-warning">{loaded.notPushable} Ask its author to make the change, or start your own pull request from its files.</p>
                <button type="button" onClick={() => { if (openDraft(loaded, false)) onClose(); }}>Open a new pull request from these files</button>
              </>
            ) : (
              <p>Loaded {loaded.files.length} files from {loaded.link.folder} into a new draft. Edit them, then Push changes.</p>
            )}
            {converted && !loaded.notPushable && (
              <p className="submit-warning">
                The files are at ManifestVersion {converted.from}, which Wingsmith does not write; the draft is at {converted.to},
                so Push changes also moves them to {converted.to} (winget-pkgs accepts it).
              </p>
            )}
            <Labels labels={loaded.labels} />
          </div>
        )}
        <div className="submit-buttons">
          <button type="button" onClick={onClose} disabled={status.busy}>{loaded && !loaded.notPushable ? 'Done' : 'Cancel'}</button>
          <button type="submit" className="submit-primary" disabled={status.busy}>Load</button>
        </div>
      </form>
    </Modal>
  );
}
