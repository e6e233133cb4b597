/**
 * A plain description of the fields a manifest may hold, derived from the zod schemas (never written by hand).
 * Readers use it to match keys case-insensitively and to type scalars (the client keeps scalars as text and
 * converts only integer and boolean fields); writers use it for key order; the editor for labels and help.
 */
export type FieldNode = ObjectNode | ArrayNode | ScalarNode;

export interface ObjectNode {
  kind: 'object';
  /** In schema order, which is also the canonical order for writing. */
  fields: readonly FieldEntry[];
  /** Lower-cased name -> entry, for case-insensitive key matching. */
  byLowerName: ReadonlyMap<string, FieldEntry>;
  required: readonly string[];
}

export interface ArrayNode {
  kind: 'array';
  item: FieldNode;
  maxItems?: number;
  uniqueItems?: boolean;
}

export interface ScalarNode {
  kind: 'string' | 'integer' | 'boolean';
  /** Allowed values of an enum field, in schema order. */
  enum?: readonly string[];
}

export interface FieldEntry {
  name: string;
  node: FieldNode;
  description?: string;
}
