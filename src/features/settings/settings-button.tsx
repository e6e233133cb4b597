import { lazy, Suspense, useRef, useState } from 'react';
import { useGitHubConnection } from '../../document/github-connection';
import './settings.css';

// Loaded on first click: the dialog brings the GitHub client's settings checks and the token query.
const SettingsDialog = lazy(() => import('./settings-dialog').then((m) => ({ default: m.SettingsDialog })));
// Loaded only with a token: the header's "Signed in as" asks GitHub (GET /user) through the same query cache.
const SignedIn = lazy(() => import('./signed-in'));

/** `Settings` and its dialog; beside it, once a token is saved, who it signs in as and `Sign out`. */
export function SettingsButton() {
  const [open, setOpen] = useState(false);
  const { token } = useGitHubConnection();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      {token !== '' && (
        <Suspense fallback={null}>
          <SignedIn onSignedOut={() => button.current?.focus()} />
        </Suspense>
      )}
      <button type="button" ref={button} onClick={() => setOpen(true)}>Settings</button>
      {open && (
        <Suspense fallback={null}>
          <SettingsDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
