import { describe, expect, it } from 'vitest';
import { manifestJsonSchema } from '../../core/schema';
import {
  associationsSignature,
  fileMatchFor,
  headerSchema,
  modelUri,
  schemaAssociations,
  schemaUrl,
} from './schema-mapping';

/** What the YAML language server does with a `fileMatch` pattern: prefix `**` + `/`, glob against the URI. */
function globMatches(pattern: string, uri: string): boolean {
  const source = `**/${pattern}`
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '\uE000')
    .replace(/\*/g, '[^/]*')
    .replace(/\uE000/g, '(?:.*/)?');
  return new RegExp(`^${source}$`).test(uri);
}

const header = (type: string, version: string) =>
  `# Created with Wingsmith\n# yaml-language-server: $schema=https://aka.ms/winget-manifest.${type}.${version}.schema.json\n\nA: b\n`;

describe('modelUri', () => {
  it('names models by draft and file key, not by file name', () => {
    expect(modelUri('d1', { key: 'installer', kind: 'installer' })).toBe('file:///wingsmith/d1/installer.yaml');
    expect(modelUri('d1', { key: 'defaultLocale', kind: 'defaultLocale' })).toBe('file:///wingsmith/d1/defaultLocale.yaml');
    expect(modelUri('d1', { key: 'locale:fr-FR', kind: 'locale' })).toBe('file:///wingsmith/d1/locale/fr-FR.yaml');
  });

  it('keeps odd draft ids and tags inside one path segment', () => {
    const uri = modelUri('a/b c', { key: 'locale:x/y', kind: 'locale' });
    expect(uri.split('/')).toHaveLength(7);
    expect(uri).not.toMatch(/[ %]/);
    expect(modelUri('a/b c', { key: 'version', kind: 'version' })).not.toBe(modelUri('a_b c', { key: 'version', kind: 'version' }));
  });
});

describe('fileMatchFor', () => {
  const kinds = ['version', 'installer', 'defaultLocale', 'locale'] as const;
  const uris = {
    version: modelUri('draft-1', { key: 'version', kind: 'version' }),
    installer: modelUri('draft-1', { key: 'installer', kind: 'installer' }),
    defaultLocale: modelUri('draft-1', { key: 'defaultLocale', kind: 'defaultLocale' }),
    locale: modelUri('draft-1', { key: 'locale:de-DE', kind: 'locale' }),
  };

  it('matches exactly the models of its own kind', () => {
    for (const kind of kinds) {
      for (const other of kinds) {
        expect(globMatches(fileMatchFor(kind), uris[other]), `${kind} vs ${other}`).toBe(kind === other);
      }
    }
  });
});

describe('headerSchema', () => {
  it('reads the winget schema a header names, with the manifest type in its own spelling', () => {
    expect(headerSchema(header('defaultLocale', '1.10.0'))).toEqual({
      uri: 'https://aka.ms/winget-manifest.defaultLocale.1.10.0.schema.json',
      type: 'defaultLocale',
      manifestVersion: '1.10.0',
    });
    expect(headerSchema(header('defaultlocale', '1.6.0'))?.type).toBe('defaultLocale');
  });

  it('ignores other schemas and files without a header', () => {
    expect(headerSchema('# yaml-language-server: $schema=https://example.com/x.json\n')).toBeUndefined();
    expect(headerSchema('PackageIdentifier: A.B\n')).toBeUndefined();
  });
});

describe('schemaAssociations', () => {
  const files = [
    { kind: 'version' as const, text: header('version', '1.12.0') },
    { kind: 'installer' as const, text: header('installer', '1.9.0') },
    { kind: 'defaultLocale' as const, text: 'no header\n' },
  ];

  it('associates every kind with the schema of the draft version, by model URI', () => {
    const associations = schemaAssociations(files, '1.12.0');
    for (const kind of ['version', 'installer', 'defaultLocale', 'locale'] as const) {
      const entry = associations.find((a) => a.uri === schemaUrl(kind, '1.12.0'));
      expect(entry).toMatchObject({ type: kind, manifestVersion: '1.12.0', fileMatch: [fileMatchFor(kind)] });
    }
  });

  it('also registers each header URL, so the server never tries to download it', () => {
    const associations = schemaAssociations(files, '1.12.0');
    expect(associations.find((a) => a.uri.includes('installer.1.9.0'))).toMatchObject({
      type: 'installer',
      manifestVersion: '1.9.0',
      fileMatch: [],
    });
    // The version header names the draft version: one entry, with both roles.
    expect(associations.filter((a) => a.uri.includes('version.1.12.0'))).toHaveLength(1);
  });

  it('has a signature that changes only when the associations do', () => {
    const a = associationsSignature(schemaAssociations(files, '1.12.0'));
    const typed = files.map((f) => ({ ...f, text: `${f.text}More: text\n` }));
    expect(associationsSignature(schemaAssociations(typed, '1.12.0'))).toBe(a);
    expect(associationsSignature(schemaAssociations(files, '1.28.0'))).not.toBe(a);
  });

  it('points at JSON Schemas the core generates for that type and version', () => {
    for (const association of schemaAssociations(files, '1.28.0')) {
      const schema = manifestJsonSchema(association.type, association.manifestVersion);
      expect(schema.type).toBe('object');
      expect(schema.properties).toHaveProperty('ManifestVersion');
    }
  });
});
