/** Who the saved token signs in as, for the header, with Sign out. Loaded only when there is a token. */
import { forgetGitHubToken, useGitHubConnection } from '../../document/github-connection';
import { GitHubQueries } from '../../document/github-queries';
import { useTokenInfo } from './token-status';

export interface SignedInProps {
  /** After Sign out this control is gone: the caller puts focus somewhere that stays. */
  onSignedOut: () => void;
}

function Who() {
  const info = useTokenInfo(useGitHubConnection());
  if (info.isPending) return <>Checking the GitHub token…</>;
  if (info.isError) return <>GitHub token not accepted</>;
  return <>Signed in as <strong>{info.data.login}</strong></>;
}

export default function SignedIn({ onSignedOut }: SignedInProps) {
  return (
    <GitHubQueries>
      <span className="account">
        <span className="account-who" role="status"><Who /></span>
        <button type="button" onClick={() => { forgetGitHubToken(); onSignedOut(); }}
          title="Forget the token: this tab's memory and storage, and this device's if it was kept">
          Sign out
        </button>
      </span>
    </GitHubQueries>
  );
}
