import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { SCHEMA_VERSIONS, atLeast } from '../manifest-version';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldNode } from './field-tree';
import {
  FIELD_INTRODUCED_IN,
  MANIFEST_TYPES,
  fieldTree,
  installerSchema,
  manifestJsonSchema,
  manifestSchema,
} from './index';
import type { Installer, InstallerManifest, ManifestType } from './index';
import { diffSchemas } from './test-support';
import type { Json } from './test-support';

function sharedDir(name: string): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', name);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`shared/${name} not found above ${import.meta.dirname}`);
  }
}

/** A fresh instance per schema: the official and the generated schema share their $id. */
function compile(schema: Json) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addFormat('long', true);
  return ajv.compile(schema);
}

/** What the reader does, in miniature: drop empty values and type integer/boolean scalars by the field tree. */
function toModel(value: unknown, node: FieldNode | undefined): unknown {
  if (value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const item = node?.kind === 'array' ? node.item : undefined;
    return value.map((v) => toModel(v, item)).filter((v) => v !== undefined);
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const entry = node?.kind === 'object' ? node.byLowerName.get(key.toLowerCase()) : undefined;
      const converted = toModel(v, entry?.node);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  }
  if (node?.kind === 'integer') return Number(value);
  if (node?.kind === 'boolean') return String(value).toLowerCase() === 'true';
  return value;
}

function exampleFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml')) out.push(full);
    }
  };
  walk(sharedDir('winget-pkgs-examples'));
  return out;
}

function officialSchema(type: string, version: string): Json {
  const file = path.join(sharedDir('winget-schemas'), `v${version}`, `manifest.${type}.${version}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
}

describe('real winget-pkgs manifests', () => {
  for (const file of exampleFiles()) {
    it(path.basename(file), () => {
      const raw = parse(fs.readFileSync(file, 'utf8'), { schema: 'failsafe' }) as Record<string, string>;
      const type = raw.ManifestType as ManifestType;
      const version = raw.ManifestVersion!;
      const model = toModel(raw, fieldTree(type, version));
      const result = manifestSchema(type, version).safeParse(model);
      expect(result.error?.issues ?? []).toEqual([]);
      // The editor's JSON Schema and the official one must agree on real files.
      const official = compile(officialSchema(type, schemaFolder(version)));
      const generated = compile(manifestJsonSchema(type, version));
      expect(official(model)).toBe(true);
      expect(generated(model)).toBe(true);
    });
  }
});

function schemaFolder(version: string): string {
  return [...SCHEMA_VERSIONS].reverse().find((v) => atLeast(version, v))!;
}

describe('the comparator used by the conformance test', () => {
  it('sees the differences between two official versions', () => {
    const diffs = diffSchemas(officialSchema('installer', '1.12.0'), officialSchema('installer', '1.28.0'));
    expect(diffs).toContain('.DesiredStateConfiguration: not in the official schema');
    expect(diffSchemas(officialSchema('installer', '1.10.0'), officialSchema('installer', '1.12.0')).join('\n')).toMatch(/font/);
  });
});

describe('fieldTree', () => {
  it('keeps the official key order at the root and in installers', () => {
    for (const type of MANIFEST_TYPES) {
      const official = officialSchema(type, '1.28.0');
      const tree = fieldTree(type, '1.28.0');
      expect(tree.fields.map((f) => f.name)).toEqual(Object.keys(official.properties as Json));
      expect([...tree.required].sort()).toEqual([...(official.required as string[])].sort());
    }
    const installer = fieldTree('installer', '1.28.0').byLowerName.get('installers')!.node;
    expect(installer.kind === 'array' && installer.item.kind === 'object').toBe(true);
    if (installer.kind === 'array' && installer.item.kind === 'object') {
      const definitions = officialSchema('installer', '1.28.0').definitions as Record<string, Json>;
      expect(installer.item.fields.map((f) => f.name)).toEqual(Object.keys(definitions.Installer!.properties as Json));
    }
  });

  it('types scalars, enums, arrays and descriptions', () => {
    const root = fieldTree('installer', '1.12.0');
    const node = (name: string) => root.byLowerName.get(name.toLowerCase())?.node;
    expect(node('InstallerAbortsTerminal')).toEqual({ kind: 'boolean' });
    expect(node('InstallerType')).toMatchObject({ kind: 'string', enum: expect.arrayContaining(['font', 'zip']) });
    expect(node('InstallerSuccessCodes')).toEqual({ kind: 'array', item: { kind: 'integer' }, maxItems: 16, uniqueItems: true });
    expect(node('ManifestType')).toEqual({ kind: 'string', enum: ['installer'] });
    expect(node('DesiredStateConfiguration')).toBeUndefined();
    expect(root.byLowerName.get('releasedate')?.description).toBe('The installer release date');
    const codes = node('ExpectedReturnCodes');
    expect(codes?.kind === 'array' && codes.item.kind === 'object' && codes.item.required).toEqual([
      'InstallerReturnCode',
      'ReturnResponse',
    ]);
  });

  it('agrees with FIELD_INTRODUCED_IN', () => {
    const names = (version: string) => {
      const found = new Set<string>();
      const walk = (node: FieldNode) => {
        if (node.kind === 'array') walk(node.item);
        if (node.kind !== 'object') return;
        for (const f of node.fields) {
          found.add(f.name);
          walk(f.node);
        }
      };
      for (const type of MANIFEST_TYPES) walk(fieldTree(type, version));
      return found;
    };
    for (const [field, since] of Object.entries(FIELD_INTRODUCED_IN)) {
      for (const version of SCHEMA_VERSIONS) {
        expect(names(version).has(field), `${field} at ${version}`).toBe(atLeast(version, since));
      }
    }
  });
});

describe('manifestSchema', () => {
  const installer = {
    Architecture: 'x64',
    InstallerUrl: 'https://example.com/setup.exe',
    InstallerSha256: 'a'.repeat(64),
  } as const;
  const manifest = (version: string, extra: Record<string, unknown> = {}) => ({
    PackageIdentifier: 'Foo.Bar',
    PackageVersion: '1.0',
    Installers: [{ ...installer, ...extra }],
    ManifestType: 'installer',
    ManifestVersion: version,
  });

  it('gates enum values and fields by version', () => {
    expect(manifestSchema('installer', '1.10.0').safeParse(manifest('1.10.0', { InstallerType: 'font' })).success).toBe(false);
    expect(manifestSchema('installer', '1.12.0').safeParse(manifest('1.12.0', { InstallerType: 'font' })).success).toBe(true);
    const at19 = manifestSchema('installer', '1.9.0').shape as Record<string, unknown>;
    expect('Authentication' in at19).toBe(false);
    expect('ArchiveBinariesDependOnPath' in at19).toBe(true);
    expect(manifestSchema('installer', '1.11.0')).toBe(manifestSchema('installer', '1.10.0'));
  });

  it('enforces the constraints zod has no keyword for', () => {
    const schema = manifestSchema('installer', '1.12.0');
    const issues = (extra: Record<string, unknown>) => schema.safeParse(manifest('1.12.0', extra)).error?.issues ?? [];
    expect(issues({ InstallerSuccessCodes: [1, 2, 1] })[0]?.message).toMatch(/unique/);
    expect(issues({ InstallerSuccessCodes: [0] })).toHaveLength(1);
    expect(issues({ Markets: { AllowedMarkets: ['US'], ExcludedMarkets: ['DE'] } })).toHaveLength(1);
    expect(issues({ Markets: {} })).toHaveLength(1);
    expect(issues({ Markets: { ExcludedMarkets: ['DE'] } })).toEqual([]);
    expect(issues({ ReleaseDate: '2023-02-29' })).toHaveLength(1);
    expect(issues({ ReleaseDate: '2024-02-29' })).toEqual([]);
  });

  it('gives pleasant model types', () => {
    expectTypeOf<Installer['InstallerSuccessCodes']>().toEqualTypeOf<number[] | undefined>();
    expectTypeOf<Installer['InstallerAbortsTerminal']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Installer['Channel' & keyof Installer]>().toBeNever();
    expectTypeOf<InstallerManifest['Channel']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<InstallerManifest['ManifestType']>().toEqualTypeOf<'installer'>();
    expect(installerSchema.safeParse(installer).success).toBe(true);
  });
});
