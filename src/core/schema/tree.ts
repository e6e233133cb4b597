/** Derives the plain FieldNode description (field-tree.ts) from a manifest zod schema. */
import { z } from 'zod';
import type { ArrayNode, FieldEntry, FieldNode, ObjectNode, ScalarNode } from './field-tree';
import { isUnique } from './helpers';

interface Def {
  type: string;
  innerType?: ZodLike;
  in?: ZodLike;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  checks?: readonly { _zod: { def: { check: string; maximum?: number } } }[];
}

interface ZodLike {
  _zod: { def: Def; optin?: string };
}

// Wrappers that change optionality, defaults or parsing but not the shape of the value.
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

/** The schema under optional/nullable/pipe wrappers, plus every layer passed (metadata may sit on any of them). */
function peel(schema: ZodLike): { core: ZodLike; layers: ZodLike[] } {
  const layers: ZodLike[] = [schema];
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    const next = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
    if (!next) return { core: current, layers };
    current = next;
    layers.push(current);
  }
}

function descriptionOf(layers: readonly ZodLike[]): string | undefined {
  for (const layer of layers) {
    const description = z.globalRegistry.get(layer as unknown as z.ZodType)?.description;
    if (description) return description;
  }
  return undefined;
}

function maxItemsOf(def: Def): number | undefined {
  let max: number | undefined;
  for (const check of def.checks ?? []) {
    const d = check._zod.def;
    if (d.check === 'max_length' && d.maximum !== undefined) max = max === undefined ? d.maximum : Math.min(max, d.maximum);
  }
  return max;
}

function objectNode(def: Def): ObjectNode {
  const fields: FieldEntry[] = [];
  const required: string[] = [];
  for (const [name, child] of Object.entries(def.shape ?? {})) {
    const { layers } = peel(child);
    const description = descriptionOf(layers);
    fields.push(description === undefined ? { name, node: toNode(child) } : { name, node: toNode(child), description });
    if (child._zod.optin !== 'optional') required.push(name);
  }
  return {
    kind: 'object',
    fields,
    byLowerName: new Map(fields.map((f) => [f.name.toLowerCase(), f])),
    required,
  };
}

function arrayNode(core: ZodLike, layers: readonly ZodLike[]): ArrayNode {
  const def = core._zod.def;
  const node: ArrayNode = { kind: 'array', item: toNode(def.element as ZodLike) };
  const maxItems = maxItemsOf(def);
  if (maxItems !== undefined) node.maxItems = maxItems;
  if (layers.some((l) => isUnique(l as unknown as z.ZodType))) node.uniqueItems = true;
  return node;
}

export function toNode(schema: ZodLike): FieldNode {
  const { core, layers } = peel(schema);
  const def = core._zod.def;
  switch (def.type) {
    case 'object':
      return objectNode(def);
    case 'array':
      return arrayNode(core, layers);
    case 'boolean':
      return { kind: 'boolean' };
    case 'number':
      // The only numbers in a manifest are return codes, which are integers.
      return { kind: 'integer' };
    case 'enum':
      return { kind: 'string', enum: Object.values(def.entries ?? {}).map(String) } satisfies ScalarNode;
    case 'literal':
      return { kind: 'string', enum: (def.values ?? []).map(String) } satisfies ScalarNode;
    default:
      return { kind: 'string' };
  }
}

export function objectTree(schema: z.ZodType): ObjectNode {
  const node = toNode(schema as unknown as ZodLike);
  if (node.kind !== 'object') throw new Error('A manifest schema must describe an object');
  return node;
}
