/** What must hold before anything is sent: no validation errors, and the files where the repository wants them. */
import type { Finding } from '../../core/findings';
import type { ManifestSet } from '../../core/model/types';
import { writeManifestSet } from '../../core/model/write-set';
import { manifestFolder, parseManifestPath } from '../../core/repo/paths';
import type { SubmissionInput } from '../../github/types';

export type ChecksResult = { ok: true; input: SubmissionInput } | { ok: false; problems: string[] };

export function submissionChecks(set: ManifestSet, manifestVersion: string, findings: readonly Finding[]): ChecksResult {
  const problems: string[] = [];
  const identifier = String(set.version.PackageIdentifier ?? '').trim();
  const version = String(set.version.PackageVersion ?? '').trim();
  if (identifier === '') problems.push('Fill in PackageIdentifier.');
  if (version === '') problems.push('Fill in PackageVersion.');
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    problems.push(`Fix the ${errors.length === 1 ? 'error' : `${errors.length} errors`} listed in Problems first (e.g. ${errors[0]!.field || errors[0]!.file}: ${errors[0]!.message}).`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const written = writeManifestSet(set, { manifestVersion });
  const folder = manifestFolder(written.root, identifier, version);
  // The path must read back as this identifier and version: no empty, `.` or `..` segment, no stray separator.
  const misplaced = written.files.filter((f) => {
    const info = parseManifestPath(f.path);
    const segments = f.path.split('/');
    return !f.path.startsWith(folder) || f.path.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..') ||
      info?.root !== written.root || info.packageIdentifier !== identifier || info.packageVersion !== version || info.fileName !== f.name;
  });
  if (written.folder !== folder || misplaced.length > 0) {
    return { ok: false, problems: [`The files would not land in ${folder}; check PackageIdentifier and PackageVersion.`] };
  }
  return { ok: true, input: { identifier, version, root: written.root, files: written.files.map((f) => ({ path: f.path, text: f.text })) } };
}
