import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseManifestYaml } from './parse';
import { pathLocator } from './locate';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'winget-pkgs-examples', 'manifests');
const fixture = (path: string) => readFileSync(join(EXAMPLES, path), 'utf8');

const rules = (text: string) => parseManifestYaml('m.yaml', text).findings.map((f) => f.rule);

describe('parseManifestYaml on real manifests', () => {
  it('detects LF files and finds the schema header among the leading comments', () => {
    const file = parseManifestYaml('code.yaml', fixture('m/Microsoft/VisualStudioCode/1.95.3/Microsoft.VisualStudioCode.installer.yaml'));
    expect(file.findings).toEqual([]);
    expect(file.eol).toBe('lf');
    expect(file.leadingComments.map((c) => c.line)).toEqual([1, 2]);
    expect(file.header).toEqual({
      line: 2,
      text: '# yaml-language-server: $schema=https://aka.ms/winget-manifest.installer.1.9.0.schema.json',
    });
    expect(file.rootScalar('PackageVersion')).toBe('1.95.3');
    expect(file.locate(['PackageVersion'])).toEqual({ line: 5, column: 1 });
  });

  it('detects CRLF files and keeps the header text free of the carriage return', () => {
    const file = parseManifestYaml('d.yaml', fixture('d/Discord/Discord/1.0.9003/Discord.Discord.yaml'));
    expect(file.eol).toBe('crlf');
    expect(file.header?.text).toBe('# yaml-language-server: $schema=https://aka.ms/winget-manifest.version.1.0.0.schema.json');
    expect(file.rootScalar('ManifestVersion')).toBe('1.0.0');
  });
});

describe('scalars stay text', () => {
  it('keeps versions, leading zeros and yes/no exactly as written', () => {
    const file = parseManifestYaml('m.yaml', 'PackageVersion: 1.10\nProductCode: 0123\nMoniker: yes\nTags: [on, 1.0]\n');
    expect(file.findings).toEqual([]);
    expect(file.rootScalar('PackageVersion')).toBe('1.10');
    expect(file.rootScalar('ProductCode')).toBe('0123');
    expect(file.rootScalar('Moniker')).toBe('yes');
    expect(file.document.toJS()).toMatchObject({ Tags: ['on', '1.0'] });
  });

  it('treats an empty value as absent and reports an exact duplicate key', () => {
    const file = parseManifestYaml('m.yaml', 'PackageIdentifier:\nManifestVersion: 1.6.0\nManifestVersion: 1.9.0\n');
    expect(file.rootScalar('PackageIdentifier')).toBeUndefined();
    expect(file.rootScalar('manifestversion')).toBeUndefined();
    const entry = file.rootEntry('ManifestVersion');
    expect(entry).toMatchObject({ value: '1.6.0', line: 2, column: 1, duplicate: true });
    expect(entry?.finding).toMatchObject({ rule: 'yaml-duplicate-key', line: 3, field: 'ManifestVersion' });
    expect(entry?.finding?.message).toContain('duplicate mapping key');
  });
});

describe('load-time findings', () => {
  it('locates a syntax error', () => {
    const [finding] = parseManifestYaml('m.yaml', 'PackageIdentifier: A.B\nTags: [one, two\nLicense: MIT\n').findings;
    // The unclosed list is noticed where the next key begins.
    expect(finding).toMatchObject({ severity: 'error', rule: 'yaml-syntax', file: 'm.yaml', line: 3, column: 1 });
    expect(finding?.message).toMatch(/^YAML syntax error: .*\]/);
  });

  it('rejects a control character that comes from an escape, at its field', () => {
    const file = parseManifestYaml('m.yaml', 'PackageIdentifier: A.B\nDescription: "bell \\x1b here"\n');
    expect(file.loadFailed).toBe(true);
    expect(file.findings).toMatchObject([{ rule: 'yaml-control-character', line: 2, column: 14, field: 'Description' }]);
    expect(file.findings[0]?.message).toContain('unsupported control character');
  });

  it('points at a raw control character inside a nested value', () => {
    const file = parseManifestYaml('m.yaml', 'Installers:\n- InstallerSwitches:\n    Silent: /S\u0007x\n');
    expect(file.findings).toMatchObject([{ rule: 'yaml-control-character', line: 3, column: 15, field: 'Installers[0].InstallerSwitches.Silent' }]);
  });

  it('allows tabs, line feeds and carriage returns in values', () => {
    expect(rules('Description: "a\\tb\\r\\nc"\n')).toEqual([]);
  });

  it('rejects a complex key', () => {
    const file = parseManifestYaml('m.yaml', 'PackageIdentifier: A.B\n? [a, b]\n: c\n');
    expect(file.findings).toMatchObject([{ rule: 'yaml-complex-key', line: 2, column: 3 }]);
  });

  it('rejects 150 levels of nesting at the 101st level (the root mapping is the first)', () => {
    const text = 'Tags: ' + '['.repeat(150) + ']'.repeat(150) + '\n';
    const file = parseManifestYaml('m.yaml', text);
    expect(file.findings).toMatchObject([{ rule: 'yaml-nesting', line: 1, column: 6 + 100 }]);
    expect(file.findings[0]?.message).toContain('Too many layers of nested nodes');
  });

  it('accepts exactly 100 levels', () => {
    expect(rules('['.repeat(99) + ']'.repeat(99))).not.toContain('yaml-nesting');
  });

  it.each([
    ['flow sequences', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['flow mappings', 'a: ' + '{a: '.repeat(10_000) + 'x' + '}'.repeat(10_000)],
    ['compact block sequences', '- '.repeat(10_000) + 'x'],
  ])('survives 10,000 levels of %s quickly', (_label, text) => {
    const started = performance.now();
    const file = parseManifestYaml('deep.yaml', text);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(file.findings.map((f) => f.rule)).toEqual(['yaml-nesting']);
    expect(file.locate(['a', 0, 'b'])).toEqual({ line: 1, column: 1 });
  });

  it('reports an empty file and a comment-only file as having no root', () => {
    for (const text of ['', '# just a comment\n\n']) {
      const file = parseManifestYaml('m.yaml', text);
      expect(file.findings).toMatchObject([{ rule: 'yaml-root', line: 1, column: 1 }]);
      expect(file.findings[0]?.message).toContain('does not contain a valid root');
    }
  });

  it.each([
    ['a scalar', '# header\nJust some text\n', 2],
    ['a sequence', '- PackageIdentifier: A.B\n', 1],
    ['an empty mapping', '{}\n', 1],
  ])('reports %s as root as an unexpected root node', (_label, text, line) => {
    const file = parseManifestYaml('m.yaml', text);
    expect(file.findings).toMatchObject([{ rule: 'yaml-root', line, column: 1 }]);
    expect(file.findings[0]?.message).toContain('Encountered unexpected root node.');
    // The client stops there: nothing may be populated from such a file (an import would take it for an empty manifest).
    expect(file.loadFailed).toBe(true);
  });

  it('reads only the first document', () => {
    const file = parseManifestYaml('m.yaml', 'PackageIdentifier: A.B\n---\nPackageIdentifier: [broken\n');
    expect(file.findings).toEqual([]);
    expect(file.rootScalar('PackageIdentifier')).toBe('A.B');
  });

  it('turns binary garbage into findings, not exceptions', () => {
    let seed = 12345;
    const garbage = Array.from({ length: 20_000 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return String.fromCharCode(seed % 256);
    }).join('');
    const file = parseManifestYaml('garbage.bin', garbage);
    expect(file.loadFailed).toBe(true);
    expect(file.findings.length).toBeGreaterThan(0);
    expect(file.findings.length).toBeLessThanOrEqual(30);
    for (const f of file.findings) expect(f.line).toBeGreaterThan(0);
  });
});

describe('locate', () => {
  const text = [
    '# header',
    'PackageIdentifier: A.B',
    'installers:',
    '- InstallerUrl: https://example.com/a.exe',
    '- Architecture: x64',
    '  InstallerSwitches:',
    '    Silent: /S',
    '  Tags: [a: b, c]',
    '',
  ].join('\n');
  const file = parseManifestYaml('m.yaml', text);

  it('finds keys case-insensitively and sequence items by index', () => {
    expect(isMap(file.document.contents)).toBe(true);
    expect(file.locate(['Installers'])).toEqual({ line: 3, column: 1 });
    expect(file.locate(['Installers', 1])).toEqual({ line: 5, column: 3 });
    expect(file.locate(['Installers', 1, 'InstallerSwitches', 'Silent'])).toEqual({ line: 7, column: 5 });
    expect(file.locate(['Installers', 1, 'Tags', 0])).toEqual({ line: 8, column: 10 });
  });

  it('falls back to the nearest existing ancestor', () => {
    expect(file.locate(['Installers', 0, 'InstallerSha256'])).toEqual({ line: 4, column: 3 });
    expect(file.locate(['Installers', 7])).toEqual({ line: 3, column: 1 });
    expect(file.locate(['PackageVersion'])).toEqual({ line: 2, column: 1 });
  });

  it('maps zod issue paths through pathLocator', () => {
    expect(pathLocator(file)(['Installers', 1, 'InstallerSwitches', 'Silent'])).toEqual({ line: 7, column: 5 });
  });
});
