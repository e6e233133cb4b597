import type { PreflightResult } from '../../github/types';

/**
 * What the target repository says against sending, short of a refusal: the pipeline or a reviewer would likely
 * turn the pull request back, yet the user may know better (the dependency is in another open pull request, the
 * older version's entries are what is wrong), so these ask for confirmation instead of blocking.
 */
export function hasPreflightWarnings(preflight: PreflightResult): boolean {
  return preflight.openPullRequests.length > 0 || preflight.arpVersionOverlaps.length > 0 || preflight.dependencyProblems.length > 0;
}

export function PreflightWarnings({ preflight }: { preflight: PreflightResult }) {
  const { openPullRequests: open, arpVersionOverlaps: overlaps, dependencyProblems: dependencies } = preflight;
  return (
    <>
      {open.length > 0 && (
        <section aria-label="Open pull requests">
          <p>{open.length === 1 ? 'A pull request' : 'Pull requests'} for this package and version {open.length === 1 ? 'is' : 'are'} already open:</p>
          <ul>
            {open.map((pr) => (
              <li key={pr.number}><a href={pr.url} target="_blank" rel="noreferrer">#{pr.number} {pr.title}</a></li>
            ))}
          </ul>
          <p>Another one may be closed as a duplicate. Go on only if yours adds something.</p>
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
