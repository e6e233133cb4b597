import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { getGitHubConnection, saveGitHubConnection, useGitHubConnection } from '../../document/github-connection';
import { validateSettings } from '../../github/settings';
import type { SettingsProblems } from '../../github/settings';
import { Modal } from '../../ui/modal';
import { refusesPullRequests, TokenStatus, useTokenInfo } from './token-status';
import { GitHubQueries } from '../../document/github-queries';

function Field({ label, hint, problem, children }: { label: string; hint?: string; problem?: string; children: (ids: { id: string; describedBy?: string }) => ReactNode }) {
  const id = useId();
  const hintId = useId();
  const problemId = useId();
  const describedBy = [hint ? hintId : '', problem ? problemId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(describedBy ? { describedBy } : {}) })}
      {hint && <p id={hintId} className="settings-hint">{hint}</p>}
      {problem && <p id={problemId} className="settings-problem">{problem}</p>}
    </div>
  );
}

function TokenHelp() {
  return (
    <details className="settings-help">
      <summary>Which token works, and why</summary>
      <ul>
        <li>
          <strong>Classic token with the <code>public_repo</code> scope</strong>: Wingsmith forks the repository,
          pushes a branch and opens the pull request upstream for you.
        </li>
        <li>
          <strong>Fine-grained token</strong>: it can push the branch to your fork, but GitHub refuses fine-grained
          tokens the pull request on a repository you do not own (403). Wingsmith then pushes the branch and gives you
          GitHub&apos;s prefilled compare page, where one click opens the pull request.
        </li>
        <li>
          <strong>Why no “Sign in with GitHub”</strong>: GitHub&apos;s OAuth endpoints send no CORS headers, so a static
          page with no server of its own cannot complete the sign-in. Paste a token instead.
        </li>
      </ul>
      <p>The token is sent only to the API base URL above, never put in a link, and never logged.</p>
    </details>
  );
}

/**
 * The GitHub connection: API base, target repository and token, checked with GET /user after saving. Save closes
 * the dialog once that check passes (at once without a token: there is nothing to check); a refused token, or a
 * classic one that cannot open pull requests, keeps it open with what is wrong.
 */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  return (
    <GitHubQueries>
      <SettingsDialogBody onClose={onClose} />
    </GitHubQueries>
  );
}

function SettingsDialogBody({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const keepId = useId();
  const initial = getGitHubConnection();
  const [apiBaseUrl, setApiBaseUrl] = useState(initial.apiBaseUrl);
  const [repository, setRepository] = useState(initial.repository);
  const [token, setToken] = useState(initial.token);
  const [keepToken, setKeepToken] = useState(initial.keepToken);
  const [problems, setProblems] = useState<SettingsProblems>({});
  const [saved, setSaved] = useState(initial.token !== '');
  /** Saved with a token: close as soon as GET /user answers for it. */
  const [closeWhenChecked, setCloseWhenChecked] = useState(false);
  const info = useTokenInfo(useGitHubConnection());
  const passed = info.isSuccess && !refusesPullRequests(info.data);
  useEffect(() => {
    if (closeWhenChecked && passed) onClose();
  }, [closeWhenChecked, passed, onClose]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateSettings({ apiBaseUrl, repository, token }, { requireToken: false });
    setProblems(checked.problems);
    if (!checked.valid) {
      setSaved(false);
      setCloseWhenChecked(false);
      return;
    }
    const next = checked.settings;
    setApiBaseUrl(next.apiBaseUrl);
    setRepository(next.repository);
    setToken(next.token);
    saveGitHubConnection({ ...next, keepToken });
    setSaved(true);
    if (next.token === '') onClose();
    else setCloseWhenChecked(true);
  };

  return (
    <Modal labelId={titleId} onClose={onClose} className="settings-dialog">
      <form onSubmit={onSubmit} noValidate>
        <h2 id={titleId}>Settings</h2>
        <p className="settings-intro">Where pull requests go, and the GitHub token Wingsmith uses to open them.</p>
        <Field label="API base URL" hint="https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server." problem={problems.apiBaseUrl}>
          {({ id, describedBy }) => (
            <input id={id} type="url" value={apiBaseUrl} aria-describedby={describedBy} aria-invalid={problems.apiBaseUrl ? true : undefined}
              spellCheck={false} onChange={(e) => setApiBaseUrl(e.target.value)} />
          )}
        </Field>
        <Field label="Target repository" hint="owner/name, e.g. microsoft/winget-pkgs." problem={problems.repository}>
          {({ id, describedBy }) => (
            <input id={id} type="text" value={repository} aria-describedby={describedBy} aria-invalid={problems.repository ? true : undefined}
              spellCheck={false} autoCapitalize="off" onChange={(e) => setRepository(e.target.value)} />
          )}
        </Field>
        <Field label="GitHub token" problem={problems.token}>
          {({ id, describedBy }) => (
            <input id={id} type="password" value={token} aria-describedby={describedBy} aria-invalid={problems.token ? true : undefined}
              autoComplete="off" spellCheck={false} onChange={(e) => setToken(e.target.value)} />
          )}
        </Field>
        <div className="settings-keep">
          <input id={keepId} type="checkbox" checked={keepToken} onChange={(e) => setKeepToken(e.target.checked)} />
          <label htmlFor={keepId}>Keep the token on this device</label>
        </div>
        {keepToken ? (
          <p className="settings-warning" role="note">
            The token will be stored in this browser profile&apos;s local storage: anyone with access to this browser
            profile can read it. Leave this off on a shared computer.
          </p>
        ) : (
          <p className="settings-hint">Off: the token is forgotten when this tab closes.</p>
        )}
        <TokenHelp />
        {saved && <TokenStatus />}
        <div className="settings-buttons">
          <button type="button" onClick={onClose}>Close</button>
          <button type="submit" className="settings-primary">Save</button>
        </div>
      </form>
    </Modal>
  );
}
