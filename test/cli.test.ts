import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from './shared-paths';
import { singleton } from './bad-input/base';
import { FONT_FOLDER, fontManifest } from './font-fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const OBSIDIAN = path.join(EXAMPLES_DIR, 'manifests/o/Obsidian/Obsidian/1.11.7');
const WINSCP_SINGLETON = path.join(EXAMPLES_DIR, 'manifests/w/WinSCP/WinSCP/5.18.5.RC/WinSCP.WinSCP.yaml');

const CHROME_EXE = path.join(EXAMPLES_DIR, 'manifests/g/Google/Chrome/EXE/124.0.6367.119');
const KUBECTL = path.join(EXAMPLES_DIR, 'manifests/k/Kubernetes/kubectl/1.33.1');

interface Report { path: string; valid: boolean; errors: { rule: string; origin: string }[]; warnings: { rule: string; origin: string }[] }

describe('wingsmith validate: rules, origins, --strict and --community', () => {
  it('names each finding’s rule and origin', () => {
    const r = cli('validate', '--json', CHROME_EXE, WINSCP_SINGLETON);
    expect(r.code, r.stderr).toBe(0);
    const [chrome, winscp] = JSON.parse(r.stdout) as Report[];
    expect(chrome!.warnings).toContainEqual(expect.objectContaining({ rule: 'exe-silent-switches-missing', origin: 'winget' }));
    expect(winscp!.warnings).toContainEqual(expect.objectContaining({ rule: 'community-singleton', origin: 'community' }));
  });

  it('--strict fails on the client’s own warnings, not on the community’s', () => {
    const r = cli('validate', '--json', '--strict', CHROME_EXE, WINSCP_SINGLETON);
    expect(r.code).toBe(1);
    const [chrome, winscp] = JSON.parse(r.stdout) as Report[];
    expect(chrome!.valid).toBe(false);
    expect(chrome!.errors.every((e) => e.origin === 'winget')).toBe(true);
    expect(chrome!.warnings.every((w) => w.origin === 'community')).toBe(true);
    expect(winscp!.valid).toBe(true);
  });

  it('--community fails on what the winget-pkgs pipeline would reject, not on the client’s warnings', () => {
    const r = cli('validate', '--json', '--community', CHROME_EXE, WINSCP_SINGLETON);
    expect(r.code).toBe(1);
    const [chrome, winscp] = JSON.parse(r.stdout) as Report[];
    expect(winscp!.errors).toContainEqual(expect.objectContaining({ rule: 'community-singleton' }));
    expect(chrome!.errors.map((e) => e.rule)).toEqual(['community-old-manifest-version']);
    // The label winget-pkgs' bots would set on that pull request.
    expect(chrome!.errors[0]).toMatchObject({ origin: 'community', label: 'Manifest-Version-Deprecated' });
    expect(chrome!.warnings.every((w) => w.origin === 'winget')).toBe(true);
  });

  it('--community leaves a hint a warning: an unrelated installer domain is a reviewer’s question, not a rejection', () => {
    const r = cli('validate', '--json', '--community', KUBECTL);
    expect(r.code, r.stderr).toBe(0);
    const [kubectl] = JSON.parse(r.stdout) as Report[];
    expect(kubectl!.valid).toBe(true);
    expect(kubectl!.errors).toEqual([]);
    expect(kubectl!.warnings).toHaveLength(3);
    expect(kubectl!.warnings[0]).toMatchObject({ rule: 'community-installer-domain', origin: 'community', label: 'Validation-Domain', hint: true });
    // Only hints say so.
    for (const w of kubectl!.warnings) expect('hint' in w, w.rule).toBe(w.rule === 'community-installer-domain');
  });

  it('prints usage with exit 0 when asked, and exit 2 without a command', () => {
    for (const args of [['--help'], ['help'], ['validate', '--help'], ['format', '-h']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('wingsmith validate [--json] [--strict] [--community]');
    }
    expect(cli().code).toBe(2);
  });
});

describe('wingsmith validate', () => {
  it('reports every example under the tree as valid, as JSON, in a stable order', () => {
    const r = cli('validate', '--json', EXAMPLES_DIR);
    expect(r.code, r.stderr).toBe(0);
    const reports = JSON.parse(r.stdout) as { path: string; valid: boolean; errors: unknown[]; warnings: unknown[] }[];
    expect(reports).toHaveLength(15);
    expect(reports.every((x) => x.valid && x.errors.length === 0)).toBe(true);
    expect(reports.map((x) => x.path)).toEqual([...reports.map((x) => x.path)].sort());
    const singleton = reports.find((x) => x.path.endsWith('5.18.5.RC'))!;
    expect(singleton.warnings).toContainEqual(expect.objectContaining({ file: 'WinSCP.WinSCP.yaml', message: expect.stringContaining('Singleton manifests are not accepted') }));
  });

  it('exits 1 with located errors for a broken manifest', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wingsmith-cli-'));
    for (const name of readdirSync(OBSIDIAN)) {
      let text = readFileSync(path.join(OBSIDIAN, name), 'utf8');
      if (name.endsWith('.installer.yaml')) text = text.replace('- Architecture: x86\n  Scope: user', '- Architecture: x86\n  Scope: users');
      writeFileSync(path.join(dir, name), text);
    }
    const r = cli('validate', '--json', path.join(dir, 'Obsidian.Obsidian.installer.yaml'));
    expect(r.code).toBe(1);
    const [report] = JSON.parse(r.stdout) as { path: string; valid: boolean; errors: { file: string; line: number; column: number; field: string; message: string }[] }[];
    expect(report!.valid).toBe(false);
    expect(report!.errors).toContainEqual({ file: 'Obsidian.Obsidian.installer.yaml', line: 18, column: 3, field: 'Installers[0].Scope', message: expect.stringContaining('Scope'), rule: 'schema', origin: 'winget' });
    const human = cli('validate', dir);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('Obsidian.Obsidian.installer.yaml:18:3 Installers[0].Scope');
  });

  it('exits 2 on usage errors', () => {
    expect(cli('validate').code).toBe(2);
    expect(cli('validate', '--bogus', OBSIDIAN).code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('validate', path.join(ROOT, 'no-such-dir')).code).toBe(2);
  });
});

describe('wingsmith format', () => {
  it('writes a singleton as a multi-file set in the community layout, upgraded and valid', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'wingsmith-format-'));
    const r = cli('format', '--manifest-version', '1.12.0', '--out', out, WINSCP_SINGLETON);
    expect(r.code, r.stderr).toBe(0);
    const folder = path.join(out, 'manifests/w/WinSCP/WinSCP/5.18.5.RC');
    expect(readdirSync(folder).sort()).toEqual(['WinSCP.WinSCP.installer.yaml', 'WinSCP.WinSCP.locale.en-US.yaml', 'WinSCP.WinSCP.yaml']);
    const installer = readFileSync(path.join(folder, 'WinSCP.WinSCP.installer.yaml'), 'utf8');
    expect(installer.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^# Created with Wingsmith /),
      '# yaml-language-server: $schema=https://aka.ms/winget-manifest.installer.1.12.0.schema.json',
      '',
    ]);
    expect(installer).toContain('InstallerSha256: 8FCF444F90C62B60337822B77A1806B5CAE37E697A64C4ABFB0951D6392DBD52');
    expect(installer).toMatch(/ManifestVersion: 1\.12\.0\n$/);
    const check = cli('validate', '--json', folder);
    expect(check.code, check.stdout).toBe(0);
  });

  it('keeps a 1.10.0 set at 1.10.0 without --manifest-version, the version winget-pkgs already has it at', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'wingsmith-format-'));
    const r = cli('format', '--out', out, KUBECTL);
    expect(r.code, r.stderr).toBe(0);
    const folder = path.join(out, 'manifests/k/Kubernetes/kubectl/1.33.1');
    for (const name of readdirSync(folder)) {
      const text = readFileSync(path.join(folder, name), 'utf8');
      expect(text, name).toMatch(/ManifestVersion: 1\.10\.0\n$/);
      expect(text, name).toContain('.1.10.0.schema.json');
    }
  });

  it('writes a font package under DIR/fonts/<letter>/…, where it validates in place', () => {
    const source = mkdtempSync(path.join(tmpdir(), 'wingsmith-font-'));
    for (const [name, text] of Object.entries(fontManifest())) writeFileSync(path.join(source, name), text);
    const out = mkdtempSync(path.join(tmpdir(), 'wingsmith-format-'));
    const r = cli('format', '--out', out, source);
    expect(r.code, r.stderr).toBe(0);
    const folder = path.join(out, ...FONT_FOLDER.split('/'));
    expect(r.stdout).toContain(`wrote ${folder}`);
    expect(readdirSync(folder).sort()).toEqual(Object.keys(fontManifest()).sort());
    expect(readFileSync(path.join(folder, 'JetBrains.JetBrainsMono.installer.yaml'), 'utf8')).toMatch(/NestedInstallerType: font\n[^]*ManifestVersion: 1\.28\.0\n$/);
    const check = cli('validate', '--json', '--community', folder);
    expect(check.code, check.stdout).toBe(0);
    const misplaced = path.join(out, 'manifests', ...FONT_FOLDER.split('/').slice(1));
    mkdirSync(misplaced, { recursive: true });
    for (const name of readdirSync(folder)) copyFileSync(path.join(folder, name), path.join(misplaced, name));
    const refused = cli('validate', '--json', '--community', misplaced);
    expect(refused.code).toBe(1);
    const [report] = JSON.parse(refused.stdout) as { errors: { rule: string; message: string }[] }[];
    expect(report!.errors).toContainEqual(expect.objectContaining({ rule: 'community-path-case', message: expect.stringContaining(`the folder must be ${FONT_FOLDER}`) }));
  });

  it('needs --out', () => {
    expect(cli('format', OBSIDIAN).code).toBe(2);
  });

  it('never writes outside --out, whatever PackageIdentifier and PackageVersion say', () => {
    const source = mkdtempSync(path.join(tmpdir(), 'wingsmith-escape-'));
    const out = path.join(source, 'a', 'out');
    const file = path.join(source, 'Contoso.Tool.yaml');
    // manifests/c/Contoso/Tool/ is four levels down: five `..` climb out of DIR.
    writeFileSync(file, singleton().replace('PackageVersion: 1.2.3', 'PackageVersion: ../../../../../escaped'));
    const r = cli('format', '--out', out, file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`would write ${path.join(source, 'a', 'escaped', 'Contoso.Tool.yaml')}, outside ${out}`);
    expect(existsSync(path.join(source, 'a', 'escaped'))).toBe(false);
  });
});

describe('the installed wingsmith command', () => {
  it('runs the same CLI through bin/wingsmith.mjs', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/wingsmith.mjs'), 'validate', '--json', WINSCP_SINGLETON], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ path: WINSCP_SINGLETON, valid: true })]);
  });
});
