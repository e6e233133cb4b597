/**
 * The winget manifest schemas: zod schemas per manifest type and schema version, the model types inferred from
 * them, the field tree and the JSON Schema derived from them. Everything else about fields is derived from here.
 */
import type { z } from 'zod';
import { LATEST_MANIFEST_VERSION, schemaVersionFor } from '../manifest-version';
import type { SchemaVersion } from '../manifest-version';
import type { ObjectNode } from './field-tree';
import { buildInstallerManifest } from './installer';
import { generateJsonSchema, manifestSchemaId } from './json-schema';
import { buildDefaultLocaleManifest, buildLocaleManifest } from './locale';
import { buildSingletonManifest } from './singleton';
import { objectTree } from './tree';
import { buildVersionManifest } from './version';

export type ManifestType = 'singleton' | 'version' | 'installer' | 'defaultLocale' | 'locale';
export const MANIFEST_TYPES: readonly ManifestType[] = ['singleton', 'version', 'installer', 'defaultLocale', 'locale'];

const BUILDERS = {
  singleton: buildSingletonManifest,
  version: buildVersionManifest,
  installer: buildInstallerManifest,
  defaultLocale: buildDefaultLocaleManifest,
  locale: buildLocaleManifest,
} as const;

export type ManifestSchemaOf<T extends ManifestType> = ReturnType<(typeof BUILDERS)[T]>;

const schemaCache = new Map<string, z.ZodType>();
const treeCache = new Map<string, ObjectNode>();
const jsonCache = new Map<string, string>();

/**
 * The zod schema for a manifest of this type and ManifestVersion, at its schema bucket: fields, enum values and
 * limits the bucket does not have are absent. The static type is always the newest one.
 */
export function manifestSchema<T extends ManifestType>(type: T, manifestVersion: string): ManifestSchemaOf<T> {
  const bucket = schemaVersionFor(manifestVersion);
  const key = `${type}@${bucket}`;
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = BUILDERS[type](bucket);
    schemaCache.set(key, schema);
  }
  return schema as ManifestSchemaOf<T>;
}

/** The fields of a manifest of this type and ManifestVersion, in canonical (official schema) order. */
export function fieldTree(type: ManifestType, manifestVersion: string): ObjectNode {
  const key = `${type}@${schemaVersionFor(manifestVersion)}`;
  let tree = treeCache.get(key);
  if (!tree) {
    tree = objectTree(manifestSchema(type, manifestVersion));
    treeCache.set(key, tree);
  }
  return tree;
}

/**
 * The draft-07 JSON Schema for raw manifests of this type and ManifestVersion, generated from the zod schema.
 * Each call returns a fresh copy, so callers may annotate it.
 */
export function manifestJsonSchema(type: ManifestType, manifestVersion: string): Record<string, unknown> {
  const bucket: SchemaVersion = schemaVersionFor(manifestVersion);
  const key = `${type}@${bucket}`;
  let text = jsonCache.get(key);
  if (text === undefined) {
    text = JSON.stringify(generateJsonSchema(manifestSchema(type, manifestVersion), type, bucket));
    jsonCache.set(key, text);
  }
  return JSON.parse(text) as Record<string, unknown>;
}

/** The `$id` of the schema that applies to this ManifestVersion (what a `$schema=` header should name). */
export function manifestJsonSchemaId(type: ManifestType, manifestVersion: string): string {
  return manifestSchemaId(type, schemaVersionFor(manifestVersion));
}

// The newest schemas, and the model types inferred from them.
export const versionManifestSchema = manifestSchema('version', LATEST_MANIFEST_VERSION);
export const installerManifestSchema = manifestSchema('installer', LATEST_MANIFEST_VERSION);
export const installerSchema = installerManifestSchema.shape.Installers.element;
export const defaultLocaleManifestSchema = manifestSchema('defaultLocale', LATEST_MANIFEST_VERSION);
export const localeManifestSchema = manifestSchema('locale', LATEST_MANIFEST_VERSION);
export const singletonManifestSchema = manifestSchema('singleton', LATEST_MANIFEST_VERSION);

export type VersionManifest = z.infer<typeof versionManifestSchema>;
export type InstallerManifest = z.infer<typeof installerManifestSchema>;
export type Installer = z.infer<typeof installerSchema>;
export type DefaultLocaleManifest = z.infer<typeof defaultLocaleManifestSchema>;
export type LocaleManifest = z.infer<typeof localeManifestSchema>;
export type SingletonManifest = z.infer<typeof singletonManifestSchema>;
export type AnyManifest = VersionManifest | InstallerManifest | DefaultLocaleManifest | LocaleManifest | SingletonManifest;

type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

export type InstallerSwitches = NonNullable<Installer['InstallerSwitches']>;
export type Dependencies = NonNullable<Installer['Dependencies']>;
export type PackageDependency = Item<Dependencies['PackageDependencies']>;
export type ExpectedReturnCode = Item<Installer['ExpectedReturnCodes']>;
export type AppsAndFeaturesEntry = Item<Installer['AppsAndFeaturesEntries']>;
export type NestedInstallerFile = Item<Installer['NestedInstallerFiles']>;
export type Markets = NonNullable<Installer['Markets']>;
export type InstallationMetadata = NonNullable<Installer['InstallationMetadata']>;
export type InstalledFile = Item<InstallationMetadata['Files']>;
export type Authentication = NonNullable<Installer['Authentication']>;
export type MicrosoftEntraIdAuthenticationInfo = NonNullable<Authentication['MicrosoftEntraIdAuthenticationInfo']>;
export type DesiredStateConfiguration = NonNullable<Installer['DesiredStateConfiguration']>;
export type PowerShellDscModule = Item<DesiredStateConfiguration['PowerShell']>;
export type DscV3 = NonNullable<DesiredStateConfiguration['DSCv3']>;
export type Agreement = Item<DefaultLocaleManifest['Agreements']>;
export type Documentation = Item<DefaultLocaleManifest['Documentations']>;
export type Icon = Item<DefaultLocaleManifest['Icons']>;

export type InstallerType = NonNullable<Installer['InstallerType']>;
export type NestedInstallerType = NonNullable<Installer['NestedInstallerType']>;
export type Architecture = Installer['Architecture'];
export type Scope = NonNullable<Installer['Scope']>;

export {
  AUTHENTICATION_TYPES,
  ARCHITECTURES,
  ELEVATION_REQUIREMENTS,
  ICON_FILE_TYPES,
  ICON_RESOLUTIONS,
  ICON_THEMES,
  INSTALLED_FILE_TYPES,
  INSTALLER_TYPES,
  INSTALL_MODES,
  NESTED_INSTALLER_TYPES,
  PATTERNS,
  PLATFORMS,
  REPAIR_BEHAVIORS,
  RETURN_RESPONSES,
  SCOPES,
  UNSUPPORTED_ARGUMENTS,
  UNSUPPORTED_OS_ARCHITECTURES,
  UPGRADE_BEHAVIORS,
} from './primitives';
export { CHANGED_CONSTRAINTS, ENUM_VALUE_INTRODUCED_IN, FIELD_INTRODUCED_IN } from './versioning';
export type { ArrayNode, FieldEntry, FieldNode, ObjectNode, ScalarNode } from './field-tree';
