/**
 * Writes docs/rules.md from the rule catalog (`npm run rules-doc`). `src/core/validate/catalog.test.ts` compares
 * the file with `rulesDocument()`, so the page cannot drift from the catalog.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_CATALOG, type Origin, type RuleInfo } from '../src/core/validate/catalog';
import { ruleReason } from '../src/core/validate/rule-reasons';

export const RULES_DOC_PATH = path.resolve(import.meta.dirname, '..', 'docs', 'rules.md');

const INTRO = `# Validation rules

<!-- Generated from src/core/validate/catalog.ts and rule-reasons.ts by \`npm run rules-doc\`; edit the catalog, not this file. -->

Every finding Wingsmith reports, in the app's Problems list and from \`wingsmith validate\`, carries one of the rule
ids below. Ids are stable: once shipped an id is never renamed, so scripts and filters may rely on it.

**Origin** says who makes the check:

- \`winget\`: the winget client itself (\`winget validate\`): reading the YAML, matching fields, the structure and
  consistency of multi-file sets, the JSON schema and the client's semantic rules, with the client's severity.
  The \`document-*\` ids are Wingsmith's own import and editing failures; they are counted with these.
- \`community\`: what the \`microsoft/winget-pkgs\` pipeline and its policies add: the \`community-*\` checks, the
  \`# yaml-language-server: $schema=…\` header (\`header-*\`, which \`winget validate\` only warns about),
  an installer file hashed in the app whose SHA-256 differs from the manifest's (\`installers-*\`), and the
  GitHub flow (\`github-*\`). \`installers-*\` and \`github-*\` occur only in the app.

**Severity** is what a finding of the rule carries: an \`error\` makes the manifest invalid, a \`warning\` does
not. \`error or warning\` depends on the case (the table says which) or on options: the \`header-*\` checks are
warnings, as under \`winget validate\`, and errors with \`--header-errors\`, as in the pipeline.

\`wingsmith validate --json\` prints every finding with its \`rule\` and \`origin\`. \`--strict\` counts the
warnings of origin \`winget\` as errors (the client's throw-on-warning mode); \`--community\` counts the warnings
of origin \`community\` as errors (the pipeline would reject them), except hints (\`warning (hint)\`: a question a
reviewer may ask, not a rejection; \`--json\` marks their findings \`"hint": true\`);
\`--no-community\` leaves the \`community-*\` checks out.

**winget-pkgs label** is the label the repository's bots set on a pull request with that problem, where one is
known; Problems and \`--json\` (\`label\`) name it too.
`;

const SECTIONS: readonly { origin: Origin; title: string }[] = [
  { origin: 'winget', title: "winget: the client's own checks" },
  { origin: 'community', title: 'community: what winget-pkgs adds' },
];

const cell = (text: string): string => text.replaceAll('|', '\\|');

function table(rules: readonly RuleInfo[]): string {
  const rows = rules.map((r) => `| \`${r.id}\` | ${r.origin} | ${r.severity}${r.hint ? ' (hint)' : ''} | ${cell(ruleReason(r.id) ?? '')} | ${r.label ? `\`${r.label}\`` : ''} |`);
  return ['| id | origin | severity | why | winget-pkgs label |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The text of docs/rules.md. */
export function rulesDocument(): string {
  const sections = SECTIONS.map(({ origin, title }) => `## ${title}\n\n${table(RULE_CATALOG.filter((r) => r.origin === origin))}\n`);
  return [INTRO, ...sections].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(RULES_DOC_PATH, rulesDocument());
  process.stdout.write(`wrote ${path.relative(process.cwd(), RULES_DOC_PATH)} (${RULE_CATALOG.length} rules)\n`);
}
