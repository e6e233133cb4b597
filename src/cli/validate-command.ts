import path from 'node:path';
import type { Finding } from '../core/findings';
import { repositoryPathStart } from '../core/repo/paths';
import { isHintRule, labelOfRule, originOfRule, type Origin } from '../core/validate/problems';
import { validateManifest } from '../core/validate/validate-manifest';
import { UsageError, type ParsedArgs } from './args';
import { collectManifests } from './collect';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
  rule: string;
  origin: Origin;
  /** The label winget-pkgs' bots would set, for the community checks that have one. */
  label?: string;
  /** A reviewer's question rather than a rejection (e.g. an unrelated installer domain): `--community` leaves it a warning. */
  hint?: true;
}

/**
 * The severity a finding counts with: `--strict` is the client's throw-on-warning mode (its own warnings fail),
 * `--community` fails on what the winget-pkgs pipeline would reject (its checks stay warnings otherwise); a hint
 * such as an unrelated installer domain is a reviewer's question, not a rejection, so it stays a warning.
 */
function effectiveSeverity(finding: Finding, args: ParsedArgs): Finding['severity'] {
  if (finding.severity === 'error') return 'error';
  const origin = originOfRule(finding.rule);
  if (origin === 'winget' && args.flags.has('--strict')) return 'error';
  if (origin === 'community' && args.flags.has('--community') && !isHintRule(finding.rule)) return 'error';
  return 'warning';
}

export interface JsonReport {
  path: string;
  valid: boolean;
  errors: JsonFinding[];
  warnings: JsonFinding[];
}

export async function runValidate(args: ParsedArgs): Promise<number> {
  if (args.paths.length === 0) throw new UsageError('validate needs at least one PATH');
  if (args.flags.has('--out') || args.flags.has('--manifest-version') || args.flags.has('--eol')) {
    throw new UsageError('--out, --manifest-version and --eol belong to format');
  }
  const { manifests, missing } = await collectManifests(args.paths);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  if (manifests.length === 0) throw new UsageError('no manifest (.yaml/.yml) found under the given paths');

  const reports: JsonReport[] = manifests.map((manifest) => {
    const validation = validateManifest(
      manifest.files.map((f) => ({ name: f.name, data: f.data, path: repoRelative(f.path) })),
      { community: !args.flags.has('--no-community'), headerAsWarning: !args.flags.has('--header-errors') },
    );
    const pick = (severity: Finding['severity']) =>
      validation.findings
        .filter((f) => effectiveSeverity(f, args) === severity)
        .map(({ file, line, column, field, message, rule }): JsonFinding => {
          const label = labelOfRule(rule);
          return { file, line, column, field, message, rule, origin: originOfRule(rule), ...(label ? { label } : {}), ...(isHintRule(rule) ? { hint: true } : {}) };
        });
    const errors = pick('error');
    return { path: manifest.path, valid: errors.length === 0, errors, warnings: pick('warning') };
  });

  if (args.flags.has('--json')) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else process.stdout.write(humanReport(reports));
  return reports.every((r) => r.valid) ? 0 : 1;
}

/** The path from `manifests/` (or `fonts/`) on, when the file sits in a winget-pkgs style tree. */
function repoRelative(file: string): string | undefined {
  const parts = path.resolve(file).split(path.sep);
  const at = repositoryPathStart(parts.slice(0, -1));
  return at >= 0 ? parts.slice(at).join('/') : undefined;
}

function humanReport(reports: readonly JsonReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    const counts = [plural(report.errors.length, 'error'), plural(report.warnings.length, 'warning')].join(', ');
    lines.push(`${report.valid ? 'valid  ' : 'INVALID'} ${report.path} (${counts})`);
    for (const [kind, list] of [['error', report.errors], ['warning', report.warnings]] as const) {
      for (const f of list) {
        const where = f.line > 0 ? `${f.file}:${f.line}:${f.column}` : f.file || report.path;
        lines.push(`  ${kind.padEnd(7)} ${where}${f.field ? ` ${f.field}` : ''}: ${f.message}`);
      }
    }
  }
  const invalid = reports.filter((r) => !r.valid).length;
  lines.push('', `${plural(reports.length, 'manifest')}: ${reports.length - invalid} valid, ${invalid} with errors`);
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
