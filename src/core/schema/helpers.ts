/**
 * Small zod builders shared by the manifest schemas, plus the hooks that let the generated JSON Schema say
 * what zod cannot (nullable-but-absent fields, uniqueItems, original regex text, Markets' oneOf).
 */
import { z } from 'zod';

export type JsonObject = Record<string, unknown>;
export type JsonTweak = (json: JsonObject) => void;

// Keyed by schema instance: zod's own metadata would be copied verbatim into the JSON output, which we do not want
// for these instructions.
const tweaks = new WeakMap<object, JsonTweak[]>();

/** Registers a change to apply to this schema's JSON Schema output (see applyJsonTweaks). */
export function tweakJson<T extends z.ZodType>(schema: T, tweak: JsonTweak): T {
  tweaks.set(schema, [...(tweaks.get(schema) ?? []), tweak]);
  return schema;
}

interface WithParent {
  _zod: { parent?: WithParent };
}

/**
 * Runs the tweaks of a schema and of the schemas it was cloned from: `.describe()`/`.meta()` clone a schema and
 * the clone's own output would otherwise win over what a tweak wrote on the original.
 */
export function applyJsonTweaks(schema: object, json: JsonObject): void {
  for (let s: WithParent | undefined = schema as WithParent; s; s = s._zod.parent) {
    for (const tweak of tweaks.get(s) ?? []) tweak(json);
  }
}

const addNull: JsonTweak = (json) => {
  const t = json.type;
  if (typeof t === 'string') json.type = [t, 'null'];
  else if (Array.isArray(t) && !t.includes('null')) json.type = [...(t as unknown[]), 'null'];
};

/**
 * The reader drops empty values, so the model never holds null; the editor validates raw YAML, where `Key:` is null,
 * so the JSON Schema must still allow null where the official one does.
 */
export function jsonNullable<T extends z.ZodType>(schema: T): T {
  return tweakJson(schema, addNull);
}

/** Optional field whose official type is `[X, "null"]`. */
export function opt<T extends z.ZodType>(schema: T): z.ZodOptional<T> {
  return jsonNullable(schema.optional());
}

// RegExp.prototype.source escapes "/" (and may normalise other text); the JSON Schema should carry the pattern
// exactly as the official schema spells it.
const originalPatterns = new Map<string, string>();

export function pattern(source: string): RegExp {
  const re = new RegExp(source);
  originalPatterns.set(re.source, source);
  return re;
}

export function originalPattern(emitted: string): string {
  return originalPatterns.get(emitted) ?? emitted;
}

/** Stable text for deep equality, the way JSON Schema's uniqueItems compares (object key order is irrelevant). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as JsonObject)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** zod has no uniqueItems: a refinement enforces it and metadata carries it into the JSON Schema and the field tree. */
export function unique<T extends z.ZodArray<z.ZodType>>(array: T): T {
  return array
    .superRefine((items, ctx) => {
      const seen = new Map<string, number>();
      items.forEach((item, index) => {
        const key = canonical(item);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, index);
        else ctx.addIssue({ code: 'custom', path: [index], message: `Items must be unique: item ${index} repeats item ${first}` });
      });
    })
    .meta({ uniqueItems: true });
}

export function isUnique(schema: z.ZodType): boolean {
  return z.globalRegistry.get(schema)?.uniqueItems === true;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** RFC 3339 full-date, as JSON Schema's `format: date` means it. */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function date(): z.ZodString {
  return z.string().refine(isDate, 'Expected a date as YYYY-MM-DD').meta({ format: 'date' });
}
