import { useState } from 'react';
import { parseManifestPath } from '../../core/repo/paths';
import { useDocumentStore } from '../../document/use-editor';
import type { LinkedPullRequest } from '../../github/types';
import { GitHubError } from '../../github/types';
import { GitHubQueries } from '../../document/github-queries';
import { rebaseEdits, type FileText } from './rebase-edits';
import { useGitHubClient } from './use-github-client';

type Status =
  | { name: 'idle' }
  | { name: 'busy'; what: string }
  | { name: 'pushed'; sha: string }
  | { name: 'moved'; message: string }
  | { name: 'rebased'; theirs: string[]; bothChanged: string[] }
  | { name: 'failed'; message: string };

function describe(error: unknown): string {
  if (error instanceof GitHubError) return error.userMessage;
  return error instanceof Error ? error.message : String(error);
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** While a draft edits an open pull request: its link, `Push changes`, and what happened (loaded on demand, see index). */
export function LinkedPullRequestBar({ link }: { link: LinkedPullRequest }) {
  return (
    <GitHubQueries>
      <Bar link={link} />
    </GitHubQueries>
  );
}

function Bar({ link }: { link: LinkedPullRequest }) {
  const store = useDocumentStore();
  const { client } = useGitHubClient();
  const [status, setStatus] = useState<Status>({ name: 'idle' });
  const busy = status.name === 'busy';

  /** The draft's files as the pull request holds them, or why they cannot go there. */
  const draftFiles = (): FileText[] | string => {
    const state = store.getState();
    const folder = parseManifestPath(link.folder);
    const id = String(state.set.version.PackageIdentifier ?? '').trim();
    const version = String(state.set.version.PackageVersion ?? '').trim();
    if (folder && (folder.packageIdentifier !== id || folder.packageVersion !== version)) {
      return `This draft now says ${id || '(no PackageIdentifier)'} version ${version || '(no PackageVersion)'}, but pull request #${link.number} is for ${folder.packageIdentifier} version ${folder.packageVersion}. Put them back to push here, or open a new pull request for the new version.`;
    }
    const errors = [...state.findings, ...state.todo].filter((f) => f.severity === 'error');
    if (errors.length > 0) return `Fix the ${errors.length === 1 ? 'error' : `${errors.length} errors`} in Problems first; a pull request with errors fails the repository’s validation.`;
    return state.files.map((f) => ({ path: `${link.folder}${f.name}`, text: f.text }));
  };

  const push = async () => {
    // Pushing is asking for the pull request to hold these files: empty required fields are errors now.
    store.revealTodo();
    const files = draftFiles();
    if (typeof files === 'string') {
      setStatus({ name: 'failed', message: files });
      return;
    }
    setStatus({ name: 'busy', what: 'Pushing one commit to the pull request’s branch…' });
    try {
      const { headSha } = await client.pushChanges(link, files);
      store.linkPullRequest({ ...link, headSha, files });
      setStatus({ name: 'pushed', sha: headSha });
    } catch (error) {
      if (error instanceof GitHubError && error.kind === 'conflict') setStatus({ name: 'moved', message: error.userMessage });
      else setStatus({ name: 'failed', message: describe(error) });
    }
  };

  const reload = async () => {
    setStatus({ name: 'busy', what: 'Reading the pull request again…' });
    try {
      const fresh = await client.loadPullRequest(link.number);
      const mine = store.getState().files.map((f) => ({ path: `${link.folder}${f.name}`, text: f.text }));
      const rebased = rebaseEdits(link.files, mine, fresh.link.files);
      const result = store.replaceFiles(rebased.files.map((f) => ({ name: fileName(f.path), data: f.text })));
      if (!result.ok) {
        setStatus({ name: 'failed', message: `The reloaded files could not be opened: ${result.findings[0]?.message ?? 'unknown problem'}` });
        return;
      }
      store.linkPullRequest(fresh.link);
      setStatus({ name: 'rebased', theirs: rebased.theirs.map(fileName), bothChanged: rebased.bothChanged.map(fileName) });
    } catch (error) {
      setStatus({ name: 'failed', message: describe(error) });
    }
  };

  return (
    <div className="banner pr-linked" role="region" aria-label="Linked pull request">
      <p>
        This draft edits{' '}
        <a href={link.url} target="_blank" rel="noreferrer">Pull request #{link.number}: {link.title}</a>{' '}
        <span className="submit-hint">({link.headRepository}:{link.branch})</span>
      </p>
      <div className="banner-actions">
        <button type="button" onClick={() => void push()} disabled={busy}>Push changes</button>
        {status.name === 'moved' && <button type="button" onClick={() => void reload()}>Reload the pull request</button>}
      </div>
      {status.name === 'busy' && <p role="status">{status.what}</p>}
      {status.name === 'pushed' && <p role="status">Pushed commit {status.sha.slice(0, 7)}; the pull request shows it now.</p>}
      {status.name === 'moved' && <p role="alert">{status.message}</p>}
      {status.name === 'rebased' && (
        <p role="status">
          Reloaded: {status.theirs.length > 0 ? `took their changes to ${status.theirs.join(', ')}; ` : ''}your edits are kept.
          {status.bothChanged.length > 0 ? ` You both changed ${status.bothChanged.join(', ')}: your text is kept, so check it before pushing.` : ''}
          {' '}Nothing was pushed; review, then Push changes.
        </p>
      )}
      {status.name === 'failed' && <p role="alert">{status.message}</p>}
    </div>
  );
}
