/**
 * The To do list: a required field nobody has typed in yet is work ahead, not a mistake, so its "missing"
 * finding is held back from the errors until the user has edited that field or asks for an export or a pull
 * request. "Typed in" is judged on the model, not on keystrokes: every edit (form or YAML) marks the field paths
 * whose value it changed, in each file, so a value typed and then erased again is an error while an untouched one
 * stays To do. A value that is there and wrong is never held back.
 */
import type { Finding } from '../core/findings';
import type { ManifestSet } from '../core/model/types';
import { fileParts } from './file-texts';
import type { ManifestFileText } from './types';

type Obj = Record<string, unknown>;

/** A field of one file, as `<file key>|<field path>`, e.g. `installer|Installers[0].InstallerUrl`. */
export type TouchedKey = string;

/** What a draft keeps of its To do state across reloads: the fields typed in, and whether errors were asked for. */
export interface TodoProgress {
  touched: TouchedKey[];
  revealed: boolean;
}

export function isTodoProgress(value: unknown): value is TodoProgress {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<TodoProgress>;
  return typeof v.revealed === 'boolean' && Array.isArray(v.touched) && v.touched.every((k) => typeof k === 'string');
}

export const touchedKey = (fileKey: string, field: string): TouchedKey => `${fileKey}|${field}`;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as the user sees it in a control: an absent value and an empty one are the same blank field. */
function scalarText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function join(prefix: string, key: string | number): string {
  if (typeof key === 'number') return `${prefix}[${key}]`;
  return prefix === '' ? key : `${prefix}.${key}`;
}

/** Paths (finding syntax) of the leaves whose value differs; a list or mapping that appears compares to nothing. */
export function changedPaths(before: unknown, after: unknown, prefix = '', out: string[] = []): string[] {
  const container = (v: unknown) => Array.isArray(v) || isObj(v);
  if (!container(before) && !container(after)) {
    if (scalarText(before) !== scalarText(after)) out.push(prefix);
    return out;
  }
  if (Array.isArray(before) || Array.isArray(after)) {
    const a = Array.isArray(before) ? before : [];
    const b = Array.isArray(after) ? after : [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) changedPaths(a[i], b[i], join(prefix, i), out);
    if (!Array.isArray(before) || !Array.isArray(after)) out.push(prefix);
    return out;
  }
  const a = isObj(before) ? before : {};
  const b = isObj(after) ? after : {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) changedPaths(a[key], b[key], join(prefix, key), out);
  return out;
}

/** Every field an edit from `before` to `after` changed, file by file (files matched by key). */
export function touchedByEdit(before: ManifestSet, after: ManifestSet): TouchedKey[] {
  const previous = new Map(fileParts(before).map((part) => [part.key, part.value]));
  return fileParts(after).flatMap((part) => changedPaths(previous.get(part.key), part.value).map((path) => touchedKey(part.key, path)));
}

/** The value at a finding's field path (`Installers[0].InstallerSwitches.Silent`) inside one file's model. */
export function valueAt(file: unknown, field: string): unknown {
  let value = file;
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) value = Array.isArray(value) ? value[Number(match[2])] : undefined;
    else value = isObj(value) ? value[match[1]!] : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}

export interface TodoInput {
  findings: readonly Finding[];
  files: readonly ManifestFileText[];
  set: ManifestSet;
  touched: ReadonlySet<TouchedKey>;
  /** The user asked for an export or a pull request: nothing is held back any more. */
  revealed: boolean;
}

/**
 * Splits findings into those shown as problems and the To do items: errors about a field that holds no value,
 * in a file that reads, which the user has not edited. Everything else (warnings, wrong values, syntax) is shown.
 */
export function splitTodo({ findings, files, set, touched, revealed }: TodoInput): { shown: Finding[]; todo: Finding[] } {
  if (revealed) return { shown: [...findings], todo: [] };
  const models = new Map(fileParts(set).map((part) => [part.key, part.value]));
  const shown: Finding[] = [];
  const todo: Finding[] = [];
  for (const finding of findings) {
    const file = finding.field === '' || finding.severity !== 'error' ? undefined : files.find((f) => f.name === finding.file);
    const pending = file !== undefined && file.parseFindings.length === 0 && !touched.has(touchedKey(file.key, finding.field)) &&
      scalarText(valueAt(models.get(file.key), finding.field)) === '';
    (pending ? todo : shown).push(finding);
  }
  return { shown, todo };
}
