/**
 * Test-only helpers (imported by *.test.ts, never by the app): locating the shared reference material and
 * reducing a JSON Schema to the facts the conformance test compares.
 */
export type Json = Record<string, unknown>;

/** Constraint keywords compared between the official and the generated schemas. */
const FACT_KEYS = [
  'enum', 'const', 'pattern', 'format', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minimum',
  'maximum', 'not', 'default',
] as const;

function resolvePointer(root: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (node === undefined) throw new Error(`Unresolved $ref ${ref}`);
  return node as Json;
}

/** Inlines `$ref`s (siblings of a $ref win, as in the official files) and folds `anyOf [X, null]` into a type list. */
function resolve(root: Json, node: Json): Json {
  let current = node;
  while (typeof current.$ref === 'string') {
    const { $ref, ...rest } = current;
    current = { ...resolvePointer(root, $ref as string), ...rest };
  }
  const anyOf = current.anyOf as Json[] | undefined;
  if (Array.isArray(anyOf) && anyOf.some((b) => b.type === 'null')) {
    const others = anyOf.filter((b) => b.type !== 'null').map((b) => resolve(root, b));
    if (others.length === 1) {
      const { anyOf: _drop, ...rest } = current;
      const other = others[0]!;
      current = { ...other, ...rest, type: [...typeList(other.type), 'null'] };
    }
  }
  return current;
}

function typeList(type: unknown): string[] {
  if (type === undefined) return [];
  return (Array.isArray(type) ? type : [type]).map(String);
}

function sortedIfList(value: unknown): unknown {
  return Array.isArray(value) ? [...value].map((v) => JSON.stringify(v)).sort() : value;
}

/** Path -> comparable facts, for the schema and every property, item and oneOf branch under it. */
export function flattenSchema(root: Json): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (raw: Json, path: string) => {
    const node = resolve(root, raw);
    const facts: Record<string, unknown> = { type: typeList(node.type).sort() };
    for (const key of FACT_KEYS) if (node[key] !== undefined) facts[key] = sortedIfList(node[key]);
    if (Array.isArray(node.required)) facts.required = [...(node.required as string[])].sort();
    out.set(path, JSON.stringify(facts));
    for (const [name, child] of Object.entries((node.properties as Record<string, Json> | undefined) ?? {})) {
      walk(child, `${path}.${name}`);
    }
    if (node.items && typeof node.items === 'object') walk(node.items as Json, `${path}[]`);
    for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
      const branches = node[keyword];
      if (Array.isArray(branches)) branches.forEach((b: Json, i) => walk(b, `${path}|${keyword}${i}`));
    }
  };
  walk(root, '');
  return out;
}

/** Human-readable differences; an empty list means the schemas agree. */
export function diffSchemas(official: Json, generated: Json): string[] {
  const a = flattenSchema(official);
  const b = flattenSchema(generated);
  const diffs: string[] = [];
  for (const [path, facts] of a) {
    const mine = b.get(path);
    if (mine === undefined) diffs.push(`${path || '(root)'}: missing (official ${facts})`);
    else if (mine !== facts) diffs.push(`${path || '(root)'}: official ${facts} but generated ${mine}`);
  }
  for (const path of b.keys()) if (!a.has(path)) diffs.push(`${path}: not in the official schema`);
  return diffs;
}
