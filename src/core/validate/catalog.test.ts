import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleManifests } from '../../../test/shared-paths';
import { RULES_DOC_PATH, rulesDocument } from '../../../tools/rules-doc';
import type { Finding } from '../findings';
import { RULE_CATALOG, ruleInfo, type Origin, type RuleInfo } from './catalog';
import { ruleReason } from './rule-reasons';
import { originOfRule } from './problems';
import { communityRules, semanticRules } from './rules';
import { validateManifest, type ValidateOptions } from './validate-manifest';

const SRC = path.resolve(import.meta.dirname, '..', '..');
const CATALOG_FILE = path.join(SRC, 'core', 'validate', 'catalog.ts');

/**
 * Quoted rule ids: every id the catalog lists, and any `<family>-<name>` of the families below, so a new id of a
 * family is caught even before it is listed. The client's semantic ids have no family prefix: the `RuleId` type of
 * the rule helpers makes an unlisted one a type error instead.
 */
const RULE_LITERAL = new RegExp(
  `(['"\`])(schema|(?:yaml|field|structure|header|community|document|installers|github)-[a-z0-9][a-z0-9-]*|${RULE_CATALOG.map((r) => r.id).join('|')})\\1`,
  'g',
);

const BY_CATALOG = new Set(RULE_CATALOG.map((r) => r.id));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.|^test-kit\./.test(entry.name) && file !== CATALOG_FILE ? [file] : [];
  });
}

/** Block comments and whole-line comments go: an id a comment mentions is not an id the code emits. */
const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Every rule-id literal in the sources under src/ (tests and the catalog itself excepted), with the files using it. */
function idsInSources(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const rel = path.relative(SRC, file);
    for (const match of withoutComments(readFileSync(file, 'utf8')).matchAll(RULE_LITERAL)) {
      const id = match[2]!;
      // Outside the validation code a family-shaped literal is often a class name (`yaml-view`), not a rule id.
      if (!rel.startsWith(path.join('core', 'validate')) && !BY_CATALOG.has(id)) continue;
      const files = found.get(id) ?? [];
      if (!files.includes(rel)) files.push(rel);
      found.set(id, files);
    }
  }
  return found;
}

/** The policy the catalog follows: these prefixes are what winget-pkgs adds, everything else is the client's. */
const prefixOrigin = (id: string): Origin =>
  ['community-', 'header-', 'installers-', 'github-'].some((p) => id.startsWith(p)) ? 'community' : 'winget';

describe('RULE_CATALOG', () => {
  it('has one entry per id, sorted by id, each with a one-line why', () => {
    const ids = RULE_CATALOG.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const rule of RULE_CATALOG) {
      expect(ruleReason(rule.id), rule.id).toMatch(/^\S[^\n]*[.)]$/);
      expect(ruleInfo(rule.id)).toBe(rule);
    }
    expect(ruleInfo('no/such-rule')).toBeUndefined();
  });

  it('gives the community prefixes (community-, header-, installers-, github-) origin community, the rest winget', () => {
    for (const rule of RULE_CATALOG) expect(rule.origin, rule.id).toBe(prefixOrigin(rule.id));
  });

  it('lists every rule id the sources emit, and only those', () => {
    const used = idsInSources();
    const missing = [...used.keys()].filter((id) => !ruleInfo(id)).map((id) => `${id} (${used.get(id)!.join(', ')})`);
    expect(missing, 'rule ids used in src/ without an entry in src/core/validate/catalog.ts').toEqual([]);
    const unused = RULE_CATALOG.map((r) => r.id).filter((id) => !used.has(id));
    expect(unused, 'catalog entries no source file emits any more: remove them (and run npm run rules-doc)').toEqual([]);
  });

  it('agrees with the severity of each Rule object', () => {
    const expected = (severity: string): RuleInfo['severity'] => (severity === 'mixed' ? 'error or warning' : (severity as RuleInfo['severity']));
    for (const rule of [...semanticRules, ...communityRules]) {
      expect(ruleInfo(rule.id), rule.id).toBeDefined();
      expect(ruleInfo(rule.id)!.severity, rule.id).toBe(expected(rule.severity));
    }
  });
});

describe('originOfRule', () => {
  it('follows the catalog, and the prefix rule for ids it does not list', () => {
    for (const rule of RULE_CATALOG) expect(originOfRule(rule.id), rule.id).toBe(rule.origin);
    expect(originOfRule('installers-some-session-check')).toBe('community');
    expect(originOfRule('some-session-check')).toBe('winget');
  });
});

interface TextFile {
  name: string;
  path: string;
  text: string;
}

const examples = exampleManifests();

function exampleFiles(folder: string): TextFile[] {
  const example = examples.find((e) => e.folder === folder);
  if (!example) throw new Error(`no example ${folder}`);
  return example.files.map((f) => ({ name: f.name, path: f.path, text: new TextDecoder().decode(f.data).replaceAll('\r\n', '\n') }));
}

const FZF = 'manifests/j/junegunn/fzf/0.56.3';
const edit = (files: TextFile[], name: string, change: (text: string) => string): TextFile[] =>
  files.map((f) => (f.name === name ? { ...f, text: change(f.text) } : f));
const installer = (change: (text: string) => string): TextFile[] => edit(exampleFiles(FZF), 'junegunn.fzf.installer.yaml', change);

/** Broken variants of a real manifest, each with a rule it must trigger (so that the variant really breaks). */
const VARIANTS: { name: string; files: () => TextFile[]; options?: ValidateOptions; expects: string }[] = [
  { name: 'YAML syntax error', files: () => installer((t) => `${t}Tags: [unclosed\n`), expects: 'yaml-syntax' },
  { name: 'control character', files: () => edit(exampleFiles(FZF), 'junegunn.fzf.locale.en-US.yaml', (t) => t.replace('PackageName: fzf', 'PackageName: "fzf\\x01"')), expects: 'yaml-control-character' },
  { name: 'empty file', files: () => edit(exampleFiles(FZF), 'junegunn.fzf.yaml', () => ''), expects: 'yaml-root' },
  { name: 'duplicate structural key', files: () => edit(exampleFiles(FZF), 'junegunn.fzf.yaml', (t) => `${t}PackageVersion: 0.56.3\n`), expects: 'yaml-duplicate-key' },
  { name: 'wrong case', files: () => installer((t) => t.replace('ReleaseDate:', 'releaseDate:')), expects: 'field-case' },
  { name: 'unknown field', files: () => installer((t) => `${t}Colour: blue\n`), expects: 'field-unknown' },
  { name: 'not a list', files: () => installer((t) => `${t}InstallerSuccessCodes: 3010\n`), expects: 'field-conversion' },
  { name: 'inconsistent version', files: () => edit(exampleFiles(FZF), 'junegunn.fzf.locale.en-US.yaml', (t) => t.replace('PackageVersion: 0.56.3', 'PackageVersion: 0.56.4')), expects: 'structure-consistency' },
  { name: 'missing installer file', files: () => exampleFiles(FZF).filter((f) => f.name !== 'junegunn.fzf.installer.yaml'), expects: 'structure-incomplete' },
  { name: 'bad architecture', files: () => installer((t) => t.replace('Architecture: arm64', 'Architecture: arm65')), expects: 'architecture-invalid' },
  { name: 'Channel', files: () => installer((t) => `${t}Channel: beta\n`), expects: 'channel-not-supported' },
  { name: 'http URL', files: () => installer((t) => t.replaceAll('https://github.com/', 'http://github.com/')), expects: 'community-https-url' },
  { name: 'folder in other case', files: () => exampleFiles(FZF).map((f) => ({ ...f, path: f.path.replace('/junegunn/', '/Junegunn/') })), expects: 'community-path-case' },
  { name: 'header of another version', files: () => exampleFiles(FZF).map((f) => ({ ...f, text: f.text.replace('ManifestVersion: 1.5.0', 'ManifestVersion: 1.10.0') })), expects: 'header-version' },
  {
    name: 'header of another version, as the pipeline counts it',
    files: () => exampleFiles(FZF).map((f) => ({ ...f, text: f.text.replace('ManifestVersion: 1.5.0', 'ManifestVersion: 1.10.0') })),
    options: { headerAsWarning: false },
    expects: 'header-version',
  },
  { name: 'no header', files: () => exampleFiles(FZF).map((f) => ({ ...f, text: f.text.replace(/^# yaml-language-server.*\n/m, '').replace('ManifestVersion: 1.5.0', 'ManifestVersion: 1.10.0') })), expects: 'header-missing' },
];

function checkFindings(findings: readonly Finding[]): void {
  for (const f of findings) {
    const info = ruleInfo(f.rule);
    expect(info, `${f.rule}: ${f.message}`).toBeDefined();
    expect(originOfRule(f.rule), f.rule).toBe(info!.origin);
    if (info!.severity !== 'error or warning') expect(f.severity, `${f.rule}: ${f.message}`).toBe(info!.severity);
  }
}

describe('findings of validateManifest', () => {
  it.each(examples.map((e) => [e.folder, e] as const))('%s: every rule is in the catalog with its origin and severity', (_folder, example) => {
    const validation = validateManifest(example.files.map((f) => ({ name: f.name, data: f.data, path: f.path })));
    checkFindings(validation.findings);
  });

  it.each(VARIANTS.map((v) => [v.name, v] as const))('broken variant (%s): every rule is in the catalog', (_name, variant) => {
    const validation = validateManifest(variant.files().map((f) => ({ name: f.name, data: f.text, path: f.path })), variant.options);
    expect(validation.findings.map((f) => f.rule)).toContain(variant.expects);
    checkFindings(validation.findings);
  });

  it('reports header rules as errors only when asked to', () => {
    const files = exampleFiles(FZF).map((f) => ({ name: f.name, data: f.text.replace('ManifestVersion: 1.5.0', 'ManifestVersion: 1.10.0'), path: f.path }));
    const severities = (options?: ValidateOptions) => [...new Set(validateManifest(files, options).findings.filter((f) => f.rule.startsWith('header-')).map((f) => f.severity))];
    expect(severities()).toEqual(['warning']);
    expect(severities({ headerAsWarning: false })).toEqual(['error']);
    expect(ruleInfo('header-version')!.severity).toBe('error or warning');
  });
});

describe('docs/rules.md', () => {
  it('is the text generated from the catalog', () => {
    const text = readFileSync(RULES_DOC_PATH, 'utf8');
    expect(text === rulesDocument(), 'docs/rules.md is out of date with src/core/validate/catalog.ts: run `npm run rules-doc`').toBe(true);
  });

  it('lists every rule once', () => {
    const text = rulesDocument();
    for (const rule of RULE_CATALOG) expect(text.split(`| \`${rule.id}\` |`).length - 1, rule.id).toBe(1);
  });
});
