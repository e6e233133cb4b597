import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifestFile } from '../read/read-file';
import type { ParsedManifestFile } from '../read/read-file';
import type { SingletonManifest } from '../schema';
import { manifestSetsEqual } from './equal';
import { singletonToSet } from './singleton';
import type { ManifestSet } from './types';
import { writeManifestSet } from './write-set';
import { FONT_FOLDER, fontManifest } from '../../../test/font-fixtures';

const EXAMPLES = resolve(import.meta.dirname, '../../../../shared/winget-pkgs-examples/manifests');

/** Every folder that directly holds manifest files, as a map of file name -> text. */
function exampleFolders(dir = EXAMPLES): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const nested = entries.filter((e) => e.isDirectory()).flatMap((e) => exampleFolders(join(dir, e.name)));
  return entries.some((e) => e.isFile() && e.name.endsWith('.yaml')) ? [dir, ...nested] : nested;
}

function readFolder(dir: string): ParsedManifestFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => readManifestFile({ name, data: readFileSync(join(dir, name)) }));
}

function toSet(files: ParsedManifestFile[]): ManifestSet {
  const byType = (type: string) => files.filter((f) => f.manifestType === type).map((f) => f.value!);
  const singleton = byType('singleton')[0];
  if (singleton) return singletonToSet(singleton as SingletonManifest);
  return {
    version: byType('version')[0]!,
    installer: byType('installer')[0]!,
    defaultLocale: byType('defaultLocale')[0]!,
    locales: byType('locale'),
  } as ManifestSet;
}

function readWritten(files: { name: string; text: string }[]): ParsedManifestFile[] {
  return files.map((f) => readManifestFile({ name: f.name, data: f.text }));
}

const folders = exampleFolders();

describe('writeManifestSet on the winget-pkgs examples', () => {
  it('finds the examples', () => {
    expect(folders.length).toBeGreaterThanOrEqual(15);
  });

  it.each(folders.map((f) => [f.slice(EXAMPLES.length + 1), f]))('%s: reads back equal, cleanly, and stably', (_, dir) => {
    const set = toSet(readFolder(dir));
    const written = writeManifestSet(set);
    const reread = readWritten(written.files);
    for (const file of reread) expect(file.findings, file.name).toEqual([]);
    expect(manifestSetsEqual(toSet(reread), set)).toBe(true);
    const again = writeManifestSet(toSet(reread));
    expect(again.files.map((f) => f.text)).toEqual(written.files.map((f) => f.text));
    expect(again.folder).toBe(written.folder);
  });

  it('writes the files of Google.Chrome.EXE in order under their repository folder', () => {
    const dir = join(EXAMPLES, 'g/Google/Chrome/EXE/124.0.6367.119');
    const { folder, files } = writeManifestSet(toSet(readFolder(dir)));
    expect(folder).toBe('manifests/g/Google/Chrome/EXE/124.0.6367.119/');
    expect(files.map((f) => f.name)).toEqual([
      'Google.Chrome.EXE.yaml',
      'Google.Chrome.EXE.installer.yaml',
      'Google.Chrome.EXE.locale.en-US.yaml',
      'Google.Chrome.EXE.locale.nb-NO.yaml',
    ]);
    expect(files[1]!.path).toBe('manifests/g/Google/Chrome/EXE/124.0.6367.119/Google.Chrome.EXE.installer.yaml');
    // Every installer says `ProductCode: Google Chrome`, so it is written once at the root.
    const installer = files[1]!.text;
    expect(installer).toContain('\nProductCode: Google Chrome\nInstallers:\n');
    expect(installer.match(/ProductCode/g)).toHaveLength(1);
    // The Custom switch differs per scope and stays with each installer.
    expect(installer).toContain('  InstallerSwitches:\n    Custom: --do-not-launch-chrome --system-level\n');
    expect(installer).toContain('InstallerSwitches:\n  Log: --verbose-logging --log-file="<LOGPATH>"\n');
  });

  it('writes a singleton as a multi-file set with upper-case hashes', () => {
    const dir = join(EXAMPLES, 'w/WinSCP/WinSCP/5.18.5.RC');
    const { folder, files } = writeManifestSet(toSet(readFolder(dir)));
    expect(folder).toBe('manifests/w/WinSCP/WinSCP/5.18.5.RC/');
    expect(files.map((f) => f.name)).toEqual(['WinSCP.WinSCP.yaml', 'WinSCP.WinSCP.installer.yaml', 'WinSCP.WinSCP.locale.en-US.yaml']);
    expect(files[1]!.text).toContain('InstallerSha256: 8FCF444F90C62B60337822B77A1806B5CAE37E697A64C4ABFB0951D6392DBD52\n');
    expect(files[0]!.text).toContain('\nDefaultLocale: en-US\nManifestType: version\nManifestVersion: 1.0.0\n');
  });

  it('moves the set to the requested ManifestVersion, headers included, with CRLF when asked', () => {
    const dir = join(EXAMPLES, 'g/Google/Chrome/EXE/124.0.6367.119');
    const { files } = writeManifestSet(toSet(readFolder(dir)), { manifestVersion: '1.28.0', eol: 'crlf', generator: 'Wingsmith 0.1.0' });
    for (const file of files) {
      const lines = file.text.split('\r\n');
      expect(lines[0]).toBe('# Created with Wingsmith 0.1.0');
      expect(lines[1]).toMatch(/^# yaml-language-server: \$schema=https:\/\/aka\.ms\/winget-manifest\.(version|installer|defaultLocale|locale)\.1\.28\.0\.schema\.json$/);
      expect(file.text).toContain('\r\nManifestVersion: 1.28.0\r\n');
      expect(file.text.replaceAll('\r\n', '')).not.toContain('\n');
      expect(file.text.endsWith('1.28.0\r\n')).toBe(true);
    }
    expect(files[2]!.text.split('\r\n')[1]).toContain('winget-manifest.defaultLocale.1.28.0.schema.json');
    for (const file of readWritten(files)) expect(file.findings).toEqual([]);
  });

  it('writes a font package under fonts/ at every version that has font installers', () => {
    const font = toSet(Object.entries(fontManifest()).map(([name, data]) => readManifestFile({ name, data })));
    for (const manifestVersion of ['1.12.0', '1.28.0']) {
      const written = writeManifestSet(font, { manifestVersion });
      expect(written.root).toBe('fonts');
      expect(written.folder).toBe(FONT_FOLDER);
      expect(written.files.map((f) => f.path)).toEqual(written.files.map((f) => `${FONT_FOLDER}${f.name}`));
    }
  });
});
