import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../src/core/findings';
import { runSemanticRules } from '../src/core/validate/rules';
import { contextFrom } from '../src/core/validate/rules/test-kit';
import { EXAMPLES_DIR } from './shared-paths';

/** The files of one shared example folder (under manifests/), LF line ends so that edits can be written plainly. */
export function example(folder: string): Record<string, string> {
  const dir = join(EXAMPLES_DIR, 'manifests', folder);
  const names = readdirSync(dir).filter((n) => n.endsWith('.yaml'));
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n), 'utf8').replaceAll('\r\n', '\n')]));
}

/** The findings one semantic rule gives for a set of files. */
export const ruleFindings = (files: Record<string, string>, id: string, full = true): Finding[] =>
  runSemanticRules(contextFrom(files, { full }).ctx).filter((f) => f.rule === id);
