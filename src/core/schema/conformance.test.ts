import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../manifest-version';
import { MANIFEST_TYPES, manifestJsonSchema } from './index';
import { diffSchemas } from './test-support';
import type { Json } from './test-support';

/** The nearest ancestor holding shared/<name> (the reference material sits beside the repository checkout). */
function sharedDir(name: string): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', name);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`shared/${name} not found above ${import.meta.dirname}`);
  }
}

const SCHEMAS = sharedDir('winget-schemas');

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // The official schemas tag return codes `format: long`, which draft-07 does not define; the range carries the rule.
  ajv.addFormat('long', true);
  return ajv;
}

function official(type: string, version: string): Json {
  const file = path.join(SCHEMAS, `v${version}`, `manifest.${type}.${version}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
}

/**
 * Differences from the official schemas we accept, as `<type>@<version> <diff line prefix>`. Empty: every
 * version folder is reproduced exactly for the compared keywords.
 */
const KNOWN_DIFFERENCES: readonly string[] = [];

describe('generated JSON Schema matches the official winget schemas', () => {
  for (const version of SCHEMA_VERSIONS) {
    for (const type of MANIFEST_TYPES) {
      it(`${type} ${version}`, () => {
        const generated = manifestJsonSchema(type, version);
        expect(generated.$id).toBe(official(type, version).$id);
        const diffs = diffSchemas(official(type, version), generated).filter(
          (d) => !KNOWN_DIFFERENCES.some((known) => `${type}@${version} ${d}`.startsWith(known)),
        );
        expect(diffs).toEqual([]);
      });
    }
  }

  it('maps versions without a schema of their own to their bucket', () => {
    expect(manifestJsonSchema('installer', '1.11.0').$id).toBe(official('installer', '1.10.0').$id);
    expect(manifestJsonSchema('installer', '1.29.0')).toEqual(manifestJsonSchema('installer', '1.28.0'));
  });

  it('compiles with ajv (draft-07) for every type and version', () => {
    const ajv = newAjv();
    for (const version of SCHEMA_VERSIONS) {
      for (const type of MANIFEST_TYPES) {
        expect(() => ajv.compile(manifestJsonSchema(type, version))).not.toThrow();
      }
    }
  });

  it('accepts null where the official schema does, and rejects what it rejects', () => {
    const ajv = newAjv();
    const generated = ajv.compile(manifestJsonSchema('installer', '1.28.0'));
    const base = {
      PackageIdentifier: 'Foo.Bar',
      PackageVersion: '1.0',
      ManifestType: 'installer',
      ManifestVersion: '1.28.0',
      Installers: [{ Architecture: 'x64', InstallerUrl: 'https://x.example/a.exe', InstallerSha256: 'A'.repeat(64) }],
    };
    expect(generated({ ...base, Channel: null, InstallerSuccessCodes: null })).toBe(true);
    expect(generated({ ...base, Markets: { AllowedMarkets: ['US'] } })).toBe(true);
    expect(generated({ ...base, Markets: { AllowedMarkets: ['US'], ExcludedMarkets: ['DE'] } })).toBe(false);
    expect(generated({ ...base, InstallerSuccessCodes: [1, 1] })).toBe(false);
    expect(generated({ ...base, InstallerSuccessCodes: [0] })).toBe(false);
    expect(generated({ ...base, ReleaseDate: '2024-02-30' })).toBe(false);
    expect(generated({ ...base, Scope: 'Machine' })).toBe(false);
  });
});
