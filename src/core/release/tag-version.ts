/** What a release's tag and publication time say about the package version. */

/**
 * The PackageVersion a tag names: one leading `v`/`V` dropped when a digit follows (`v1.2.3` → `1.2.3`), the
 * rest kept verbatim. Other prefixes (`release-1.2`, `version-1`) are kept: guessing where a version starts in
 * free text would be wrong as often as right, and the user sees the result.
 */
export function versionFromTag(tag: string): string {
  return /^[vV][0-9]/.test(tag) ? tag.slice(1) : tag;
}

/** ReleaseDate (`YYYY-MM-DD`, the UTC date) of an ISO date-time; undefined when absent or unreadable. */
export function releaseDateOf(publishedAt: string | undefined): string | undefined {
  if (publishedAt === undefined || publishedAt.trim() === '') return undefined;
  const time = Date.parse(publishedAt);
  if (Number.isNaN(time)) return undefined;
  const iso = new Date(time).toISOString();
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
}
