import { describe, expect, it } from 'vitest';
import type { Finding } from '../../findings';
import { edit } from './test-kit';
import { example, ruleFindings as rule } from '../../../../test/rule-fixtures';

const KUBE = example('k/Kubernetes/kubectl/1.33.1');
const KI = 'Kubernetes.kubectl.installer.yaml';
const FZF = example('j/junegunn/fzf/0.56.3');
const FI = 'junegunn.fzf.installer.yaml';
const FILES = 'NestedInstallerFiles:\n- RelativeFilePath: fzf.exe\n  PortableCommandAlias: fzf\n';
const nested = (files: string, type = 'portable'): Record<string, string> =>
  edit(edit(FZF, FI, FILES, files), FI, 'NestedInstallerType: portable', `NestedInstallerType: ${type}`);
const messages = (found: Finding[]): string[] => found.map((f) => f.message);

describe('portable-installer (E16)', () => {
  it('allows at most one command for a portable installer', () => {
    const found = rule(edit(KUBE, KI, '- kubectl\n', '- kubectl\n- kc\n'), 'portable-installer');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', file: KI, line: 7, field: 'Commands' })]);
    expect(found[0]!.message).toContain('Only zero or one value for Commands may be specified for InstallerType portable.');
  });

  it('rejects a command alias that leaves the install directory', () => {
    for (const alias of ['..\\kubectl', 'C:\\tools\\kubectl', '/kubectl', 'bin/../../kubectl']) {
      const found = rule(edit(KUBE, KI, '- kubectl\n', `- ${alias}\n`), 'portable-installer');
      expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 8, field: 'Commands[0]' })]);
      expect(found[0]!.message).toContain('Portable command alias must not point to a location outside of base directory. [Commands]');
    }
    expect(rule(edit(KUBE, KI, '- kubectl\n', '- bin/../kubectl\n'), 'portable-installer')).toEqual([]);
  });

  it('warns about Scope and rejects more than one Apps and Features entry', () => {
    const scoped = rule(edit(KUBE, KI, 'Commands:', 'Scope: user\nCommands:'), 'portable-installer');
    expect(scoped).toEqual([expect.objectContaining({ severity: 'warning', line: 7, field: 'Scope' })]);
    expect(scoped[0]!.message).toContain('Scope is not supported for InstallerType portable.');
    const arp = edit(KUBE, KI, 'Commands:', 'AppsAndFeaturesEntries:\n- DisplayName: kubectl\n- DisplayName: kubectl 2\nCommands:');
    const found = rule(arp, 'portable-installer');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 7, field: 'AppsAndFeaturesEntries' })]);
    expect(found[0]!.message).toContain('Only zero or one entry for Apps and Features may be specified for InstallerType portable.');
    expect(rule(KUBE, 'portable-installer')).toEqual([]);
  });
});

describe('archive-nested-installer (E17)', () => {
  it('asks for NestedInstallerType and NestedInstallerFiles on a zip', () => {
    const noType = rule(edit(FZF, FI, 'NestedInstallerType: portable\n', ''), 'archive-nested-installer');
    expect(noType[0]).toMatchObject({ severity: 'error', line: 12, field: 'Installers[0].NestedInstallerType' });
    expect(noType[0]!.message).toContain('Required field missing. [NestedInstallerType]');
    const noFiles = rule(edit(FZF, FI, FILES, ''), 'archive-nested-installer');
    expect(noFiles[0]).toMatchObject({ severity: 'error', line: 10, field: 'Installers[0].NestedInstallerFiles' });
    expect(noFiles[0]!.message).toContain('Required field missing. [NestedInstallerFiles]');
    expect(rule(FZF, 'archive-nested-installer')).toEqual([]);
  });

  it('allows several nested files only for portable and font', () => {
    const two = '- RelativeFilePath: a.exe\n- RelativeFilePath: b.exe\n';
    const found = rule(nested(`NestedInstallerFiles:\n${two}`, 'exe'), 'archive-nested-installer');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 8, field: 'NestedInstallerFiles' })]);
    expect(found[0]!.message).toContain('Only one entry for NestedInstallerFiles can be specified for non-portable InstallerTypes.');
    expect(rule(nested(`NestedInstallerFiles:\n${two}`), 'archive-nested-installer')).toEqual([]);
  });

  it('rejects paths that leave the archive and duplicates, case-insensitively', () => {
    const escaping = rule(nested('NestedInstallerFiles:\n- RelativeFilePath: ..\\fzf.exe\n'), 'archive-nested-installer');
    expect(escaping).toEqual([expect.objectContaining({ line: 9, field: 'NestedInstallerFiles[0].RelativeFilePath' })]);
    expect(escaping[0]!.message).toContain('Relative file path must not point to a location outside of archive directory.');
    const dup = rule(nested('NestedInstallerFiles:\n- RelativeFilePath: fzf.exe\n  PortableCommandAlias: fzf\n- RelativeFilePath: FZF.EXE\n  PortableCommandAlias: FZF\n'), 'archive-nested-installer');
    expect(messages(dup)).toEqual([expect.stringContaining('Duplicate relative file path found.'), expect.stringContaining('Duplicate portable command alias found.')]);
    expect(dup[1]).toMatchObject({ line: 12, field: 'NestedInstallerFiles[1].PortableCommandAlias' });
  });

  it('rejects an alias that leaves the base directory', () => {
    const found = rule(nested('NestedInstallerFiles:\n- RelativeFilePath: fzf.exe\n  PortableCommandAlias: ..\\fzf\n'), 'archive-nested-installer');
    expect(found).toEqual([expect.objectContaining({ line: 10, field: 'NestedInstallerFiles[0].PortableCommandAlias' })]);
    expect(found[0]!.message).toContain('Portable command alias must not point to a location outside of base directory.');
  });

  it('allows only .exe (or no extension) for portable files, under Full', () => {
    const script = nested('NestedInstallerFiles:\n- RelativeFilePath: bin/fzf.ps1\n');
    const found = rule(script, 'archive-nested-installer');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 9, field: 'NestedInstallerFiles[0].RelativeFilePath' })]);
    expect(found[0]!.message).toContain('The file type of the referenced file is not allowed. [RelativeFilePath] Value: bin/fzf.ps1');
    expect(rule(script, 'archive-nested-installer', false)).toEqual([]);
    expect(rule(nested('NestedInstallerFiles:\n- RelativeFilePath: bin/fzf\n'), 'archive-nested-installer')).toEqual([]);
  });

  it('allows only font files for nested fonts', () => {
    const found = rule(nested('NestedInstallerFiles:\n- RelativeFilePath: Mono.woff2\n- RelativeFilePath: Mono.TTF\n', 'font'), 'archive-nested-installer');
    expect(found).toEqual([expect.objectContaining({ line: 9, field: 'NestedInstallerFiles[0].RelativeFilePath' })]);
    expect(found[0]!.message).toContain('The file type of the referenced file is not a supported font file type.');
  });
});
