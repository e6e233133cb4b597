/**
 * Moving values between the manifest model and react-hook-form. The form holds text for every scalar (so inputs
 * stay uncontrolled and '' means "not set"); the model holds what the YAML writer expects. Keys the field tree
 * does not know are carried through untouched, so editing never drops data the form cannot show.
 */
import type { FieldNode, ObjectNode } from '../../core/schema';

export type FormRecord = Record<string, unknown>;
/** How react-hook-form's field-array typing is told that any name may hold rows (the form's shape is dynamic). */
export type RowsRecord = Record<string, FormRecord[]>;
export type Segment = string | number;

export function isRecord(value: unknown): value is FormRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Installers.1.InstallerUrl` (a react-hook-form name) as path segments. */
export function nameToSegments(name: string): Segment[] {
  return name === '' ? [] : name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Segments as a finding's field path: `Installers[1].InstallerUrl`. */
export function findingPath(segments: readonly Segment[]): string {
  let out = '';
  for (const part of segments) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** A finding's field path as a react-hook-form name (the inverse of findingPath). */
export function findingPathToName(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

export function nodeAt(root: FieldNode, segments: readonly Segment[]): FieldNode | undefined {
  let node: FieldNode | undefined = root;
  for (const part of segments) {
    if (!node) return undefined;
    if (typeof part === 'number') node = node.kind === 'array' ? node.item : undefined;
    else node = node.kind === 'object' ? node.fields.find((f) => f.name === part)?.node : undefined;
  }
  return node;
}

export function getIn(value: unknown, segments: readonly Segment[]): unknown {
  let current = value;
  for (const part of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<Segment, unknown>)[part];
  }
  return current;
}

/**
 * A copy of `target` with `value` at `segments`, sharing every untouched branch (the store compares files by
 * reference to know which one to rewrite). `undefined` removes the key, and mappings left empty by that go too;
 * list items stay, since an empty row the user just added is still a row.
 */
export function setIn<T>(target: T, segments: readonly Segment[], value: unknown): T {
  if (segments.length === 0) return value as T;
  const [head, ...rest] = segments as [Segment, ...Segment[]];
  const container: unknown = target ?? (typeof head === 'number' ? [] : {});
  const current = (container as Record<Segment, unknown>)[head];
  let next = setIn(current, rest, value);
  if (Array.isArray(container)) {
    const copy = container.slice();
    copy[head as number] = next === undefined ? {} : next;
    return copy as T;
  }
  if (rest.length > 0 && isRecord(next) && Object.keys(next).length === 0) next = undefined;
  const copy: FormRecord = { ...(container as FormRecord) };
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy as T;
}

function scalarText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The form's view of a model value: text for scalars, lists and records all the way down. */
export function toFormValue(node: FieldNode, value: unknown): unknown {
  if (node.kind === 'object') {
    const source = isRecord(value) ? value : {};
    const out: FormRecord = { ...source };
    for (const field of node.fields) out[field.name] = toFormValue(field.node, source[field.name]);
    return out;
  }
  if (node.kind === 'array') {
    const items = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
    return items.map((item) => toFormValue(node.item, item));
  }
  return scalarText(value);
}

const INTEGER = /^[+-]?\d+$/;

/**
 * The model's view of a form value. Text that does not convert (e.g. `12a` in an integer field) is kept as text so
 * that validation reports it at the field instead of the form silently dropping it.
 */
export function fromFormValue(node: FieldNode, value: unknown, keepEmptyObject = false): unknown {
  switch (node.kind) {
    case 'object': {
      if (!isRecord(value)) return keepEmptyObject ? {} : undefined;
      const out: FormRecord = {};
      for (const field of node.fields) {
        const converted = fromFormValue(field.node, value[field.name]);
        if (converted !== undefined) out[field.name] = converted;
      }
      for (const [key, raw] of Object.entries(value)) {
        if (raw !== undefined && !node.fields.some((f) => f.name === key)) out[key] = raw;
      }
      return keepEmptyObject || Object.keys(out).length > 0 ? out : undefined;
    }
    case 'array': {
      if (!Array.isArray(value)) return undefined;
      const items = value.map((item) => fromFormValue(node.item, item, true)).filter((item) => item !== undefined);
      return items.length > 0 ? items : undefined;
    }
    case 'integer': {
      if (typeof value !== 'string') return value ?? undefined;
      const text = value.trim();
      if (text === '') return undefined;
      return INTEGER.test(text) ? Number(text) : value;
    }
    case 'boolean':
      if (value === 'true') return true;
      if (value === 'false') return false;
      return value === '' || value === null ? undefined : value;
    default:
      return value === '' || value === null ? undefined : value;
  }
}

/** True when a form value holds nothing (the model would drop it). */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.every(isBlank);
  if (isRecord(value)) return Object.values(value).every(isBlank);
  return false;
}

/** A short text for showing an inherited value: the scalar, a list joined, or a count of rows. */
export function describeValue(value: unknown): string {
  if (isBlank(value)) return '';
  if (Array.isArray(value)) {
    return value.every((v) => typeof v === 'string') ? value.join(', ') : `${value.length} ${value.length === 1 ? 'row' : 'rows'}`;
  }
  if (isRecord(value)) return 'set';
  return scalarText(value);
}

export function subtree(root: ObjectNode, name: string): FieldNode | undefined {
  return root.fields.find((f) => f.name === name)?.node;
}
