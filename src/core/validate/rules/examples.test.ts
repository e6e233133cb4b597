import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommunityRules, runHeaderRules, runSemanticRules } from './index';
import { contextFrom } from './test-kit';

const EXAMPLES = resolve(import.meta.dirname, '../../../../../shared/winget-pkgs-examples');

function manifestFolders(dir: string): string[] {
  const entries = readdirSync(dir);
  const yaml = entries.filter((e) => e.endsWith('.yaml'));
  const sub = entries.filter((e) => statSync(join(dir, e)).isDirectory()).flatMap((e) => manifestFolders(join(dir, e)));
  return yaml.length > 0 ? [dir, ...sub] : sub;
}

const folders = manifestFolders(join(EXAMPLES, 'manifests'));

describe('real winget-pkgs manifests', () => {
  it('finds all fifteen example folders', () => {
    expect(folders).toHaveLength(15);
  });

  it.each(folders.map((f) => [relative(EXAMPLES, f), f]))('%s passes every rule without errors', (_name, folder) => {
    const names = readdirSync(folder).filter((e) => e.endsWith('.yaml'));
    const files = Object.fromEntries(names.map((n) => [n, readFileSync(join(folder, n), 'utf8')]));
    const { ctx, singleton } = contextFrom(files);
    const paths = names.map((n) => relative(EXAMPLES, join(folder, n)));
    const findings = [
      ...runSemanticRules(ctx),
      ...runHeaderRules(ctx, { headerAsWarning: false }),
      ...runCommunityRules(ctx, { singleton, paths, names, versions: 1 }),
    ];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Community path rules hold for the repository's own layout.
    expect(findings.filter((f) => f.rule === 'community-path-case')).toEqual([]);
    // The only client warning these published manifests draw: exe installers without both silent switches.
    const semanticWarnings = findings.filter((f) => !/^(yaml|field|structure|document|community|header|installers|github)-|^schema$/.test(f.rule)).map((f) => f.rule);
    expect(new Set(semanticWarnings)).toEqual(new Set(folder.includes('Chrome') ? ['exe-silent-switches-missing'] : []));
  });
});
