import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_MANIFEST_BYTES } from './limits';
import { readManifestFile } from './read-file';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'winget-pkgs-examples', 'manifests');
const FIXTURES = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((p) => p.endsWith('.yaml'))
  .map((p) => join(EXAMPLES, p));

describe('readManifestFile on real manifests', () => {
  it('finds the examples', () => {
    expect(FIXTURES.length).toBeGreaterThan(40);
  });

  it.each(FIXTURES.map((p) => [relative(EXAMPLES, p), p]))('reads %s without findings', (_name, path) => {
    const bytes = readFileSync(path);
    const name = path.split('/').pop()!;
    const file = readManifestFile({ name, data: bytes });
    expect(file.findings).toEqual([]);
    expect(file.encoding).toBe('utf-8');
    expect(file.text).toBe(bytes.toString('utf8'));
    expect(file.eol).toBe(file.text.includes('\r\n') ? 'crlf' : 'lf');
    expect(file.manifestType).toMatch(/^(singleton|version|installer|defaultLocale|locale)$/);
    expect(file.manifestVersion).toMatch(/^1\.\d+\.0$/);
    expect(file.value).toMatchObject({ ManifestType: file.manifestType, ManifestVersion: file.manifestVersion });
  });

  it('types the return codes of real installer manifests as numbers', () => {
    const read = (path: string) => readManifestFile({ name: path.split('/').pop()!, data: readFileSync(join(EXAMPLES, path), 'utf8') }).value;
    const dingTalk = read('a/Alibaba/DingTalk/6.5.0-Release.3249116/Alibaba.DingTalk.installer.yaml');
    expect(dingTalk).toMatchObject({ PackageVersion: '6.5.0-Release.3249116', InstallerSuccessCodes: [1223] });
    const chrome = read('g/Google/Chrome/EXE/124.0.6367.119/Google.Chrome.EXE.installer.yaml');
    expect(chrome?.['ExpectedReturnCodes']).toEqual([
      { InstallerReturnCode: 3, ReturnResponse: 'alreadyInstalled' },
      { InstallerReturnCode: 4, ReturnResponse: 'downgrade' },
      { InstallerReturnCode: 22, ReturnResponse: 'cancelledByUser' },
      { InstallerReturnCode: 60, ReturnResponse: 'installInProgress' },
    ]);
  });
});

describe('readManifestFile on edited input', () => {
  const installer = (body: string, version = '1.6.0') =>
    `# yaml-language-server: $schema=https://aka.ms/winget-manifest.installer.${version}.schema.json\n` +
    `PackageIdentifier: Foo.Bar\nPackageVersion: 1.10\n${body}ManifestType: installer\nManifestVersion: ${version}\n`;

  it('reads Windows-1252 bytes and reports findings with the file name', () => {
    const text = installer('installerType: exe\nInstallers:\n- Architecture: x64\n  InstallerUrl: https://example.com/\u00a9.exe\n');
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const file = readManifestFile({ name: 'Foo.Bar.installer.yaml', data: bytes });
    expect(file.encoding).toBe('windows-1252');
    expect(file.value).toMatchObject({ PackageVersion: '1.10', InstallerType: 'exe', Installers: [{ InstallerUrl: 'https://example.com/©.exe' }] });
    expect(file.findings).toMatchObject([{ rule: 'field-case', file: 'Foo.Bar.installer.yaml', line: 4, column: 1, field: 'InstallerType' }]);
    expect(file.yaml.header?.line).toBe(1);
  });

  it('refuses a file past MAX_MANIFEST_BYTES by its size, reading none of it', () => {
    const data = new Uint8Array(MAX_MANIFEST_BYTES + 1).fill(0x61);
    const started = performance.now();
    const file = readManifestFile({ name: 'huge.yaml', data });
    expect(performance.now() - started).toBeLessThan(100);
    expect(file.findings).toMatchObject([{ rule: 'document-too-large', file: 'huge.yaml', severity: 'error' }]);
    expect(file.value).toBeUndefined();
    expect(file.yaml.loadFailed).toBe(true);
  });

  it('gives an empty file or a scalar root no value, so it cannot become an empty manifest', () => {
    for (const data of ['', 'just words\n']) expect(readManifestFile({ name: 'a.yaml', data }).value).toBeUndefined();
  });

  it('strips a BOM from string input', () => {
    const file = readManifestFile({ name: 'a.yaml', data: '\ufeff' + installer('') });
    expect(file.text.startsWith('#')).toBe(true);
    expect(file.findings).toEqual([]);
  });

  it('reports unknown fields only when asked for full validation', () => {
    const text = installer('Icons: []\n', '1.4.0');
    expect(readManifestFile({ name: 'a.yaml', data: text }).findings).toMatchObject([{ rule: 'field-unknown', field: 'Icons' }]);
    expect(readManifestFile({ name: 'a.yaml', data: text }, { full: false }).findings).toEqual([]);
  });

  it('reports duplicate structural keys the way the client fails on them', () => {
    const file = readManifestFile({ name: 'a.yaml', data: installer('PackageIdentifier: Foo.Baz\n') });
    expect(file.findings.map((f) => f.rule)).toContain('yaml-duplicate-key');
    expect(file.findings.find((f) => f.rule === 'yaml-duplicate-key')).toMatchObject({ line: 4, field: 'PackageIdentifier' });
  });

  it('reads a file without ManifestVersion as the preview format, keys as written', () => {
    const file = readManifestFile({ name: 'Foo.Bar.yaml', data: 'Id: Foo.Bar\nVersion: 1.10\nName: Foo\nTags: a, b\nInstallers:\n  - Arch: x64\n    Url: https://e.com/x.exe\n    Sha256:\n' });
    expect(file.manifestVersion).toBe('0.1.0');
    expect(file.manifestType).toBeUndefined();
    expect(file.findings).toEqual([]);
    expect(file.value).toEqual({ Id: 'Foo.Bar', Version: '1.10', Name: 'Foo', Tags: 'a, b', Installers: [{ Arch: 'x64', Url: 'https://e.com/x.exe' }] });
  });

  it('gives no value when the client would refuse to load the file', () => {
    const file = readManifestFile({ name: 'a.yaml', data: installer('Description: "\\x1b"\n') });
    expect(file.value).toBeUndefined();
    expect(file.findings).toMatchObject([{ rule: 'yaml-control-character', line: 4, field: 'Description' }]);
  });

  it('gives no typed value for an unknown ManifestType or a newer major version', () => {
    expect(readManifestFile({ name: 'a.yaml', data: 'ManifestType: merged\nManifestVersion: 1.6.0\n' }).value).toBeUndefined();
    expect(readManifestFile({ name: 'a.yaml', data: 'ManifestType: installer\nManifestVersion: 2.0.0\n' }).value).toBeUndefined();
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'yaml-root'],
    ['a scalar root', new TextEncoder().encode('hello'), 'yaml-root'],
    ['binary garbage', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), 'yaml-'],
    ['10,000 levels of nesting', new TextEncoder().encode('a: ' + '['.repeat(10_000)), 'yaml-nesting'],
  ])('survives %s', (_label, data, rule) => {
    const file = readManifestFile({ name: 'bad.yaml', data });
    expect(file.findings.length).toBeGreaterThan(0);
    expect(file.findings[0]?.rule.startsWith(rule)).toBe(true);
    expect(file.findings[0]).toMatchObject({ file: 'bad.yaml', severity: 'error' });
  });
});
