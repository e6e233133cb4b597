/** Turns a manifest zod schema into the draft-07 JSON Schema the editor validates raw YAML with. */
import { z } from 'zod';
import type { SchemaVersion } from '../manifest-version';
import { applyJsonTweaks, originalPattern } from './helpers';
import type { JsonObject } from './helpers';

export function manifestSchemaId(type: string, version: SchemaVersion): string {
  // The official $id spells defaultLocale in lower case, though ManifestType and file names do not.
  return `https://aka.ms/winget-manifest.${type.toLowerCase()}.${version}.schema.json`;
}

function normalise(json: JsonObject): void {
  // Unknown keys only warn in winget (rule D2), so no object may forbid them.
  if (json.additionalProperties === false) delete json.additionalProperties;
  if (typeof json.pattern === 'string') json.pattern = originalPattern(json.pattern);
}

function isNullOnly(value: unknown): boolean {
  const o = value as JsonObject | null;
  return o !== null && typeof o === 'object' && o.type === 'null' && Object.keys(o).length === 1;
}

/** Spells "X or null" as `type: [X, "null"]` like the official schemas, should zod ever emit it as an anyOf. */
function foldNullUnions(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(foldNullUnions);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const json = node as JsonObject;
  Object.values(json).forEach(foldNullUnions);
  const anyOf = json.anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2 || !anyOf.some(isNullOnly)) return;
  const other = anyOf.find((branch) => !isNullOnly(branch)) as JsonObject | undefined;
  if (!other || typeof other.type !== 'string') return;
  delete json.anyOf;
  Object.assign(json, { ...other, ...json, type: [other.type, 'null'] });
}

export function generateJsonSchema(schema: z.ZodType, type: string, version: SchemaVersion): JsonObject {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-07',
    override: ({ zodSchema, jsonSchema }) => {
      const json = jsonSchema as JsonObject;
      applyJsonTweaks(zodSchema, json);
      normalise(json);
    },
  }) as JsonObject;
  foldNullUnions(generated);
  const { $schema, description, ...rest } = generated;
  return { $id: manifestSchemaId(type, version), $schema, description, ...rest };
}
