import type { PackageLocation } from './packages';
import type { SpellingProblem } from './types';

/**
 * Why a submission must reuse the repository's spelling: folders that differ only in case are one folder on
 * Windows (and default macOS) checkouts, so a second spelling breaks them, and reviewers send such pull requests
 * back. Answers what to change (in words, and as the value to use), or undefined when the path fits the repository.
 */
export function spellingProblem(identifier: string, version: string, location: PackageLocation): SpellingProblem | undefined {
  const { pkg, existingSegments, root } = location;
  if (pkg) {
    if (pkg.identifier !== identifier) {
      return {
        message: `The repository spells this package ${pkg.identifier}. Change PackageIdentifier to match, so the files land in the existing folder.`,
        fix: { field: 'PackageIdentifier', value: pkg.identifier },
      };
    }
    if (pkg.versions.some((v) => v.version === version)) return undefined;
    const other = pkg.versions.find((v) => v.version.toLowerCase() === version.toLowerCase());
    if (!other) return undefined;
    return {
      message: `The repository spells this version ${other.version} (${other.folder}). Change PackageVersion to ${other.version} so the files replace that version instead of sitting beside it in a folder that differs only in case.`,
      fix: { field: 'PackageVersion', value: other.version },
    };
  }
  const segments = identifier.trim().split('.');
  if (existingSegments.every((s, i) => s === segments[i])) return undefined;
  const suggested = [...existingSegments, ...segments.slice(existingSegments.length)].join('.');
  const folder = `${root}/${existingSegments[0]!.charAt(0).toLowerCase()}/${existingSegments.join('/')}/`;
  const [what, where] =
    existingSegments.length === 1
      ? [`publisher ${existingSegments[0]!}`, "with the publisher's other packages"]
      : [`folder ${existingSegments.join('/')}`, 'with the other packages in that folder'];
  return {
    message: `The repository spells this ${what} (${folder}). Change PackageIdentifier to ${suggested} so the files sit ${where}.`,
    fix: { field: 'PackageIdentifier', value: suggested },
  };
}
