import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nearestWritableVersion, WRITABLE_MANIFEST_VERSIONS } from '../core/manifest-version';
import { writeManifestSet } from '../core/model/write-set';
import { validateManifest } from '../core/validate/validate-manifest';
import { UsageError, type ParsedArgs } from './args';
import { collectManifests } from './collect';

export async function runFormat(args: ParsedArgs): Promise<number> {
  const out = args.flags.get('--out');
  if (typeof out !== 'string') throw new UsageError('format needs --out DIR');
  if (args.paths.length === 0) throw new UsageError('format needs at least one PATH');
  if (args.flags.has('--json')) throw new UsageError('--json belongs to validate');
  const manifestVersion = args.flags.get('--manifest-version');
  if (typeof manifestVersion === 'string' && !(WRITABLE_MANIFEST_VERSIONS as readonly string[]).includes(manifestVersion)) {
    throw new UsageError(`--manifest-version must be one of ${WRITABLE_MANIFEST_VERSIONS.join(', ')}`);
  }
  const eol = args.flags.get('--eol') ?? 'lf';
  if (eol !== 'lf' && eol !== 'crlf') throw new UsageError('--eol must be lf or crlf');

  const { manifests, missing } = await collectManifests(args.paths);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  if (manifests.length === 0) throw new UsageError('no manifest (.yaml/.yml) found under the given paths');

  let failed = 0;
  for (const manifest of manifests) {
    const validation = validateManifest(manifest.files.map((f) => ({ name: f.name, data: f.data })), { community: false });
    if (!validation.set) {
      failed++;
      const first = validation.findings.find((f) => f.severity === 'error');
      const where = first ? `${first.file}${first.line ? `:${first.line}:${first.column}` : ''}: ${first.message}` : 'not a manifest';
      process.stderr.write(`skipped ${manifest.path}: ${where}\n`);
      continue;
    }
    const written = writeManifestSet(validation.set, {
      // Without a choice, a set keeps the version it uses where Wingsmith writes it (as the app's import does).
      manifestVersion: typeof manifestVersion === 'string' ? manifestVersion : nearestWritableVersion(validation.manifestVersion),
      eol,
    });
    const folder = path.join(out, ...written.folder.split('/'));
    const outside = written.files.map((f) => path.join(folder, f.name)).find((file) => !isInside(out, file));
    if (outside) {
      failed++;
      process.stderr.write(`skipped ${manifest.path}: its PackageIdentifier or PackageVersion would write ${outside}, outside ${out}\n`);
      continue;
    }
    await mkdir(folder, { recursive: true });
    for (const file of written.files) await writeFile(path.join(folder, file.name), file.text, 'utf8');
    const errors = validation.findings.filter((f) => f.severity === 'error').length;
    process.stdout.write(`wrote ${path.join(out, written.folder)} (${written.files.length} files)${errors ? `, ${errors} validation errors remain` : ''}\n`);
  }
  return failed > 0 ? 1 : 0;
}

/** The folder comes from PackageIdentifier and PackageVersion, which may hold `..` or separators when invalid. */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  return relative !== '' && !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}
