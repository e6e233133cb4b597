/** What the rules of §E, §F and the community checks need from the validation pipeline, and small shared helpers. */
import type { RuleId } from '../catalog';
import { formatFieldPath, type FieldPath, type Finding, type Severity } from '../../findings';
import type { ManifestFileKind, ManifestSet } from '../../model/types';

/** A file of the set: one of the singular kinds, or the n-th extra locale (index into `set.locales`). */
export type RuleFile = ManifestFileKind | { locale: number };

export interface Place {
  file: string;
  line: number;
  column: number;
  field: string;
}

/** One file as read, for the schema-header check (§F). */
export interface RuleFileInfo {
  /** File name as findings should name it. */
  name: string;
  /** The ManifestType written in the file (`singleton`, `version`, …). */
  manifestType: string;
  /** ManifestVersion written in the file; the set's version when absent. */
  manifestVersion?: string;
  /** The first comment line before the root node that mentions `yaml-language-server` (A8), 1-based line. */
  header?: { line: number; text: string };
  /** Shadow files are not header-checked. */
  shadow?: boolean;
}

export interface RuleContext {
  manifestVersion: string;
  /** Full validation (`winget validate`, the community pipeline). */
  full: boolean;
  set: ManifestSet;
  /** Locates a field of one file; a missing path should resolve to its nearest existing ancestor. */
  at(file: RuleFile, path: FieldPath): Place;
  /** How findings name a field of one file, when that differs from the path (the preview format's own key names). */
  name?(file: RuleFile, path: FieldPath): string;
  /** Every file read, for §F. Without it the header check has nothing to look at and reports nothing. */
  files?: readonly RuleFileInfo[];
  /** ErrorOnNetworkAddressInSwitches: URLs in switches become errors instead of warnings. */
  errorOnNetworkAddress?: boolean;
}

export interface Rule {
  id: RuleId;
  /** The usual severity; `mixed` when the rule reports both (see each finding). */
  severity: Severity | 'mixed';
  /** Runs only under full validation. Some rules also vary their own behaviour with `ctx.full`. */
  fullOnly: boolean;
  run(ctx: RuleContext): Finding[];
}

export type Raw = Readonly<Record<string, unknown>>;

export function asRaw(value: unknown): Raw | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : undefined;
}

/** A scalar as the client keeps it: text; numbers and booleans are shown as written. Empty means absent. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A located finding. `field` overrides the path shown to the user, e.g. a missing key inside the located item. */
export function finding(
  ctx: RuleContext,
  rule: RuleId,
  severity: Severity,
  message: string,
  file: RuleFile,
  path: FieldPath,
  field?: FieldPath,
): Finding {
  const place = ctx.at(file, path);
  return {
    severity,
    rule,
    message,
    file: place.file,
    line: place.line,
    column: place.column,
    field: field ? (ctx.name?.(file, field) ?? formatFieldPath(field)) : place.field,
  };
}

/** `<text> [<context>] Value: <value>` as the client prints it, with an optional plain-language hint after it. */
export function clientMessage(base: string, context?: string, value?: string, hint?: string): string {
  let out = base;
  if (context) out += ` [${context}]`;
  if (value !== undefined && value !== '') out += ` Value: ${value}`;
  if (hint) out += ` ${hint}`;
  return out;
}

/** Same rule, text and place: inherited root values would otherwise be reported once per installer. */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = [f.rule, f.severity, f.message, f.file, f.line, f.column, f.field].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
