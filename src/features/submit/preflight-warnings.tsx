import type { PreflightResult } from '../../github/types';

/**
 * What the target repository says against sending, short of a refusal: the pipeline or a reviewer would likely
 * turn the pull request back, yet the user may know better (the dependency is in another open pull request, the
 * older version's entries are what is wrong), so these ask for confirmation instead of blocking.
 */
export function hasPreflightWarnings(preflight: PreflightResult): boolean {
  return preflight.openPullRequests.length > 0 || preflight.arpVersionOverlaps.length > 0 || preflight.dependencyProblems.length > 0;
}

function PullRequestLinks({ pulls }: { pulls: PreflightResult['openPullRequests'] }) {
  return (
    <ul>
      {pulls.map((pr) => (
        <li key={pr.number}><a href={pr.url} target="_blank" rel="noreferrer">#{pr.number} {pr.title}</a></li>
      ))}
    </ul>
  );
}

export function PreflightWarnings({ preflight }: { preflight: PreflightResult }) {
  const { openPullRequests: open, arpVersionOverlaps: overlaps, dependencyProblems: dependencies } = preflight;
  // "Already open" is said only of other people's: the user's own are named as theirs (and the one an earlier
  // attempt of this submission opened is not in the list at all; the submission reports it as its result).
  const others = open.filter((pr) => !pr.mine);
  const mine = open.filter((pr) => pr.mine);
  return (
    <>
      {others.length > 0 && (
        <section aria-label="Open pull requests">
          <p>{others.length === 1 ? 'A pull request' : 'Pull requests'} for this package and version {others.length === 1 ? 'is' : 'are'} already open:</p>
          <PullRequestLinks pulls={others} />
          <p>Another one may be closed as a duplicate. Go on only if yours adds something.</p>
        </section>
      )}
      {mine.length > 0 && (
        <section aria-label="Your open pull requests">
          <p>You already have {mine.length === 1 ? 'a pull request' : 'pull requests'} open for this package and version:</p>
          <PullRequestLinks pulls={mine} />
          <p>A second one would be closed as a duplicate: to change yours, use Edit open pull request instead.</p>
        </section>
      )}
      {overlaps.length > 0 && (
        <section aria-label="Apps and Features versions">
          <p>The pipeline would label this pull request <code>{overlaps[0]!.label}</code>:</p>
          <ul>{overlaps.map((o) => <li key={o.version}>{o.message}</li>)}</ul>
        </section>
      )}
      {dependencies.length > 0 && (
        <section aria-label="Dependencies">
          <p>The pipeline checks that every dependency is in the repository:</p>
          <ul>{dependencies.map((d) => <li key={d.identifier}>{d.message}</li>)}</ul>
        </section>
      )}
    </>
  );
}
