import { escapesBaseDirectory } from '../../core/validate/rules/path-checks';
import { TruncatedError } from './byte-source';
import { failed, Suggestions } from './suggest';
import type { ByteSource, InstallerAnalysis, InstallerKind, Suggestion } from './types';
import { readZipEntry, storedEntrySource, type ZipEntry } from './zip-reader';

/** A nested installer is analysed from memory when compressed; beyond this it would risk the tab. */
export const NESTED_MEMORY_LIMIT = 512 << 20;

const FROM_ZIP = 'from the zip directory';

export function kindFromName(path: string): InstallerKind {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (ext === 'msi') return 'msi';
  if (ext === 'msix' || ext === 'appx' || ext === 'msixbundle' || ext === 'appxbundle') return ext;
  if (ext === 'exe') return 'exe';
  if (['ttf', 'otf', 'ttc', 'fnt', 'otc'].includes(ext)) return 'font';
  return 'unknown';
}

/** winget's NestedInstallerType has no bundle or zip values. */
function nestedType(kind: InstallerKind): string | undefined {
  if (kind === 'msixbundle') return 'msix';
  if (kind === 'appxbundle') return 'appx';
  return kind === 'zip' || kind === 'unknown' ? undefined : kind;
}

export type AnalyseNested = (source: ByteSource, fileName: string) => Promise<InstallerAnalysis>;

export async function analyseZip(source: ByteSource, entries: ZipEntry[], options: { nestedPath?: string }, analyseNested: AnalyseNested): Promise<InstallerAnalysis> {
  const notes: string[] = [];
  const files = entries.filter((e) => !e.path.endsWith('/'));
  const listed = files.map((e) => ({ path: e.path, size: e.size, kind: kindFromName(e.path) }));
  const s = new Suggestions(FROM_ZIP);
  s.add('InstallerType', 'zip', { source: 'from the file signature (zip archive)' });
  // winget extracts nothing outside its folder, and its validation refuses such a RelativeFilePath: never suggest one.
  const escaping = listed.filter((e) => escapesBaseDirectory(e.path));
  if (escaping.length > 0) {
    const which = escaping.length === 1 ? 'One entry has a path' : `${escaping.length} entries have paths`;
    notes.push(`${which} outside the archive's folder (${escaping[0]!.path}), which winget cannot use as a nested file.`);
  }
  const usable = listed.filter((e) => !escapesBaseDirectory(e.path));
  const installers = usable.filter((e) => e.kind !== 'font' && e.kind !== 'unknown');
  const fonts = usable.filter((e) => e.kind === 'font');
  const result = (extra: Partial<InstallerAnalysis> = {}): InstallerAnalysis => ({ kind: 'zip', suggestions: s.list, entries: listed, notes, ...extra });

  if (!options.nestedPath) {
    if (installers.length === 1 && installers[0]) {
      const only = installers[0];
      s.add('NestedInstallerType', nestedType(only.kind), { certain: only.kind !== 'exe', source: `${FROM_ZIP} (${only.path})` });
      s.add('NestedInstallerFiles', [{ RelativeFilePath: only.path }], { certain: false, source: `${FROM_ZIP} (the only installer inside)` });
      notes.push(`Analyse ${only.path} to learn more about the nested installer.`);
    } else if (installers.length === 0 && fonts.length > 0) {
      s.add('NestedInstallerType', 'font', { source: `${FROM_ZIP} (fonts only)` });
      s.add('NestedInstallerFiles', fonts.map((f) => ({ RelativeFilePath: f.path })), { source: `${FROM_ZIP} (the font files)` });
    } else if (installers.length > 1) {
      notes.push(`The zip holds ${installers.length} possible installers; choose the one winget should run.`);
    } else {
      notes.push('No installer or font found in the zip; if it holds a portable app, choose its executable.');
    }
    return result();
  }

  const entry = files.find((e) => e.path === options.nestedPath);
  if (!entry) return result({ error: `The zip has no entry ${options.nestedPath}` });
  try {
    const nested = await nestedSource(source, entry);
    const analysis = await analyseNested(nested, entry.path);
    notes.push(...analysis.notes.map((n) => `${entry.path}: ${n}`));
    const type = nestedType(analysis.kind) ?? nestedType(kindFromName(entry.path));
    const inner = (list: Suggestion[]) =>
      list.filter((x) => x.field !== 'InstallerType').map((x) => ({ ...x, source: `${x.source} of ${entry.path} in the zip` }));
    s.add('NestedInstallerType', type, { certain: analysis.kind !== 'exe', source: `from ${entry.path} in the zip` });
    s.add('NestedInstallerFiles', [{ RelativeFilePath: entry.path }], { source: `${FROM_ZIP} (chosen entry)` });
    const variants = analysis.variants?.map((v) => ({ label: v.label, suggestions: [...s.list, ...inner(v.suggestions)] }));
    s.list.push(...inner(analysis.suggestions));
    return result({
      ...(variants ? { variants } : {}),
      ...(analysis.error ? { error: `${entry.path} in the zip: ${analysis.error}` } : {}),
    });
  } catch (error) {
    return { ...failed('zip', error), suggestions: s.list, entries: listed, notes };
  }
}

async function nestedSource(source: ByteSource, entry: ZipEntry): Promise<ByteSource> {
  const stored = await storedEntrySource(source, entry);
  if (stored) return stored;
  if (entry.size > NESTED_MEMORY_LIMIT) {
    throw new TruncatedError(
      `${entry.path} is compressed and ${Math.round(entry.size / 2 ** 20)} MB unpacked; Wingsmith analyses compressed nested installers up to ${NESTED_MEMORY_LIMIT / 2 ** 20} MB. Fill in its fields by hand.`,
    );
  }
  const bytes = await readZipEntry(source, entry, NESTED_MEMORY_LIMIT);
  return { size: bytes.length, read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)) };
}
