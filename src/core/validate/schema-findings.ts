import type { z } from 'zod';
import { formatFieldPath, type Finding } from '../findings';

type Locate = (path: readonly (string | number)[]) => { line: number; column: number };

/** The JSON-schema pass (§C): zod issues turned into located findings a person can act on. */
export function schemaFindings(
  schema: z.ZodType,
  value: unknown,
  fileName: string,
  locate: Locate,
): Finding[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  const findings: Finding[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const at = locate(path);
    findings.push({
      severity: 'error',
      rule: 'schema',
      message: `Schema Error. ${describeIssue(issue, path, value)}`,
      file: fileName,
      line: at.line,
      column: at.column,
      field: formatFieldPath(path),
    });
  }
  return findings;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function describeIssue(issue: z.core.$ZodIssue, path: readonly (string | number)[], root: unknown): string {
  const name = [...path].reverse().find((p): p is string => typeof p === 'string') ?? 'The manifest';
  const value = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `Required field missing. [${name}]`;
      return `${name} must be ${article(issue.expected)}; found ${show(value)}.`;
    case 'invalid_value':
      return `${name} must be one of ${issue.values.map((v) => String(v)).join(', ')}; found ${show(value)}.`;
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue && typeof issue.pattern === 'string') {
        return `${name} ${show(value)} does not match the required pattern ${issue.pattern}.`;
      }
      return `${name} ${show(value)} is not a valid ${issue.format}.`;
    case 'too_big':
      return `${name} ${sizeWord(issue.origin, 'at most', issue.maximum)}; found ${measure(value)}.`;
    case 'too_small':
      return `${name} ${sizeWord(issue.origin, 'at least', issue.minimum)}; found ${measure(value)}.`;
    default:
      return `${name}: ${issue.message}`;
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function sizeWord(origin: string, bound: string, limit: number | bigint): string {
  if (origin === 'string') return `must be ${bound} ${limit} characters long`;
  if (origin === 'array' || origin === 'set') return `must have ${bound} ${limit} items`;
  return `must be ${bound} ${limit}`;
}

function measure(value: unknown): string {
  if (typeof value === 'string') return `${[...value].length} characters`;
  if (Array.isArray(value)) return `${value.length} items`;
  return show(value);
}
