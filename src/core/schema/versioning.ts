/**
 * Everything that differs between the official schema versions, as data. The builders describe the newest schema
 * and consult these tables to produce an older one; the conformance test diffs the result against every official
 * version folder, so a missing entry here shows up there.
 */
import { atLeast } from '../manifest-version';
import type { SchemaVersion } from '../manifest-version';

/**
 * Field name -> the ManifestVersion that introduced it (winget-validation-rules §D2). Fields not listed exist since
 * 1.0.0, or arrive together with a listed parent (e.g. everything under Authentication).
 */
export const FIELD_INTRODUCED_IN: Readonly<Record<string, string>> = {
  InstallerAbortsTerminal: '1.1.0',
  InstallLocationRequired: '1.1.0',
  RequireExplicitUpgrade: '1.1.0',
  ReleaseDate: '1.1.0',
  UnsupportedOSArchitectures: '1.1.0',
  ElevationRequirement: '1.1.0',
  Markets: '1.1.0',
  AppsAndFeaturesEntries: '1.1.0',
  ExpectedReturnCodes: '1.1.0',
  Agreements: '1.1.0',
  ReleaseNotes: '1.1.0',
  ReleaseNotesUrl: '1.1.0',
  UnsupportedArguments: '1.2.0',
  DisplayInstallWarnings: '1.2.0',
  ReturnResponseUrl: '1.2.0',
  PurchaseUrl: '1.2.0',
  InstallationNotes: '1.2.0',
  Documentations: '1.2.0',
  NestedInstallerType: '1.4.0',
  NestedInstallerFiles: '1.4.0',
  InstallationMetadata: '1.4.0',
  Icons: '1.5.0',
  DownloadCommandProhibited: '1.6.0',
  RepairBehavior: '1.7.0',
  Repair: '1.7.0',
  ArchiveBinariesDependOnPath: '1.9.0',
  Authentication: '1.10.0',
  DesiredStateConfiguration: '1.28.0',
};

/** Enum values added after their enum first appeared, by enum list name (see primitives.ts). */
export const ENUM_VALUE_INTRODUCED_IN: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  INSTALLER_TYPES: { portable: '1.2.0', zip: '1.4.0', font: '1.12.0' },
  NESTED_INSTALLER_TYPES: { font: '1.12.0' },
  RETURN_RESPONSES: {
    custom: '1.2.0',
    packageInUseByApplication: '1.4.0',
    invalidParameter: '1.4.0',
    systemNotSupported: '1.4.0',
  },
  UPGRADE_BEHAVIORS: { deny: '1.6.0' },
};

interface Changed<T> {
  current: T;
  /** Earlier values, each with the first version that no longer uses it, in ascending order. */
  earlier: readonly (readonly [until: string, value: T])[];
}

/** Limits and patterns that changed over time. */
export const CHANGED_CONSTRAINTS = {
  /** Installers of a multi-file installer manifest. */
  installersMaxItems: { current: 1024, earlier: [['1.1.0', 128]] } as Changed<number>,
  fileExtensionsMaxItems: { current: 512, earlier: [['1.2.0', 256]] } as Changed<number>,
  protocolsMaxItems: { current: 64, earlier: [['1.4.0', 16]] } as Changed<number>,
  protocolPattern: { current: undefined, earlier: [['1.2.0', '^[a-z][-a-z0-9\\.\\+]*$']] } as Changed<string | undefined>,
  installationNotesMaxLength: { current: 10000, earlier: [['1.5.0', 256]] } as Changed<number>,
  /** How many more dot-separated segments a PackageIdentifier may have after the first. */
  packageIdentifierExtraSegments: { current: 7, earlier: [['1.4.0', 3]] } as Changed<number>,
} as const;

export function fieldAvailable(name: string, version: SchemaVersion): boolean {
  const since = FIELD_INTRODUCED_IN[name];
  return since === undefined || atLeast(version, since);
}

export function constraintAt<T>(change: Changed<T>, version: SchemaVersion): T {
  for (const [until, value] of change.earlier) {
    if (!atLeast(version, until)) return value;
  }
  return change.current;
}

export function enumValuesAt<T extends readonly [string, ...string[]]>(listName: string, values: T, version: SchemaVersion): T {
  const introduced = ENUM_VALUE_INTRODUCED_IN[listName] ?? {};
  return values.filter((v) => {
    const since = introduced[v];
    return since === undefined || atLeast(version, since);
  }) as unknown as T;
}

/** Drops the fields this version does not know, keeping the order of the rest. */
export function gate<S extends object>(version: SchemaVersion, shape: S): S {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(shape)) {
    if (fieldAvailable(name, version)) out[name] = schema;
  }
  return out as S;
}
