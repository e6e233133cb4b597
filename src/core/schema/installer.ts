/** The installer manifest: root-level installer defaults, the Installers entries, and the field groups they share. */
import { z } from 'zod';
import type { SchemaVersion } from '../manifest-version';
import { date, opt, pattern, unique } from './helpers';
import {
  appsAndFeaturesEntry,
  authentication,
  dependencies,
  desiredStateConfiguration,
  expectedReturnCode,
  installationMetadata,
  installerSwitches,
  markets,
  nestedInstallerFile,
  productCode,
} from './installer-parts';
import {
  ARCHITECTURES,
  ELEVATION_REQUIREMENTS,
  INSTALLER_TYPES,
  INSTALL_MODES,
  NESTED_INSTALLER_TYPES,
  PATTERNS,
  PLATFORMS,
  REPAIR_BEHAVIORS,
  SCOPES,
  UNSUPPORTED_ARGUMENTS,
  UNSUPPORTED_OS_ARCHITECTURES,
  UPGRADE_BEHAVIORS,
  enumAt,
  installerReturnCode,
  localeTag,
  manifestType,
  manifestVersion,
  packageIdentifier,
  packageVersion,
  sha256,
  strictUrl,
  text,
} from './primitives';
import { CHANGED_CONSTRAINTS, constraintAt, gate } from './versioning';

const flag = (description: string) => opt(z.boolean().describe(description));

const nameList = (itemMax: number, listMax: number, description: string) =>
  opt(unique(z.array(z.string().min(1).max(itemMax)).max(listMax)).describe(description));

function protocolItem(v: SchemaVersion) {
  const legacy = constraintAt(CHANGED_CONSTRAINTS.protocolPattern, v);
  const item = z.string().max(2048);
  return legacy === undefined ? item : item.regex(pattern(legacy));
}

/**
 * Fields allowed both at the root (as defaults for every installer) and in each installer, split where the
 * installer-only fields go, so that both objects keep the official key order.
 */
export function installerFieldGroups(v: SchemaVersion, singleton = false) {
  const head = {
    InstallerLocale: opt(localeTag('The installer meta-data locale')),
    Platform: opt(unique(z.array(z.enum(PLATFORMS)).max(2)).describe('The installer supported operating system')),
    MinimumOSVersion: opt(
      z.string().regex(pattern(PATTERNS.minimumOSVersion)).describe('The installer minimum operating system version'),
    ),
  };
  const middle = {
    InstallerType: opt(
      enumAt('INSTALLER_TYPES', INSTALLER_TYPES, v).describe(
        'Enumeration of supported installer types. InstallerType is required in either root level or individual Installer level',
      ),
    ),
    NestedInstallerType: opt(
      enumAt('NESTED_INSTALLER_TYPES', NESTED_INSTALLER_TYPES, v).describe(
        'Enumeration of supported nested installer types contained inside an archive file',
      ),
    ),
    NestedInstallerFiles: opt(
      z.array(nestedInstallerFile()).max(1024).describe('List of nested installer files contained inside an archive'),
    ),
    Scope: opt(z.enum(SCOPES).describe('Scope indicates if the installer is per user or per machine')),
  };
  const tail = {
    InstallModes: opt(unique(z.array(z.enum(INSTALL_MODES)).max(3)).describe('List of supported installer modes')),
    InstallerSwitches: installerSwitches(v).describe('Switches passed to the installer').optional(),
    InstallerSuccessCodes: opt(
      unique(z.array(installerReturnCode()).max(16)).describe(
        'List of additional non-zero installer success exit codes other than known default values by winget',
      ),
    ),
    ExpectedReturnCodes: opt(z.array(expectedReturnCode(v)).max(128).describe('Installer exit codes for common errors')),
    UpgradeBehavior: opt(enumAt('UPGRADE_BEHAVIORS', UPGRADE_BEHAVIORS, v).describe('The upgrade method')),
    Commands: nameList(40, 16, 'List of commands or aliases to run the package'),
    Protocols: opt(
      unique(z.array(protocolItem(v)).max(constraintAt(CHANGED_CONSTRAINTS.protocolsMaxItems, v))).describe(
        'List of protocols the package provides a handler for',
      ),
    ),
    FileExtensions: opt(
      unique(
        z
          .array(z.string().regex(pattern(PATTERNS.packageVersion)).max(64))
          .max(constraintAt(CHANGED_CONSTRAINTS.fileExtensionsMaxItems, v)),
      ).describe('List of file extensions the package could support'),
    ),
    Dependencies: opt(dependencies(v, !singleton).describe('Dependencies of the package')),
    PackageFamilyName: opt(
      z
        .string()
        .regex(pattern(PATTERNS.packageFamilyName))
        .max(255)
        .describe('PackageFamilyName for appx or msix installer. Could be used for correlation of packages across sources'),
    ),
    ProductCode: productCode(),
    Capabilities: nameList(40, 1000, 'List of appx or msix installer capabilities'),
    RestrictedCapabilities: nameList(40, 1000, 'List of appx or msix installer restricted capabilities'),
    Markets: opt(markets()),
    InstallerAbortsTerminal: flag('Indicates whether the installer will abort terminal. Default is false'),
    ReleaseDate: opt(date().describe('The installer release date')),
    InstallLocationRequired: flag('Indicates whether the installer requires an install location provided'),
    RequireExplicitUpgrade: flag('Indicates whether the installer should be pinned by default from upgrade'),
    DisplayInstallWarnings: flag(
      'Indicates whether winget should display a warning message if the install or upgrade is known to interfere with running applications.',
    ),
    UnsupportedOSArchitectures: opt(
      unique(z.array(z.enum(UNSUPPORTED_OS_ARCHITECTURES))).describe('List of OS architectures the installer does not support'),
    ),
    UnsupportedArguments: opt(
      unique(z.array(z.enum(UNSUPPORTED_ARGUMENTS))).describe('List of winget arguments the installer does not support'),
    ),
    AppsAndFeaturesEntries: opt(unique(z.array(appsAndFeaturesEntry(v)).max(128)).describe('List of ARP entries.')),
    ElevationRequirement: opt(z.enum(ELEVATION_REQUIREMENTS).describe("The installer's elevation requirement")),
    InstallationMetadata: installationMetadata().optional(),
    DownloadCommandProhibited: flag(
      'Indicates whether the installer is prohibited from being downloaded for offline installation.',
    ),
    RepairBehavior: opt(z.enum(REPAIR_BEHAVIORS).describe('The repair method')),
    ArchiveBinariesDependOnPath: flag(
      'Indicates whether the install location should be added directly to the PATH environment variable. Only applies to an archive containing portable packages.',
    ),
    Authentication: opt(authentication()),
    DesiredStateConfiguration: opt(desiredStateConfiguration()),
  };
  return { head: gate(v, head), middle: gate(v, middle), tail: gate(v, tail) };
}

export type InstallerFieldGroups = ReturnType<typeof installerFieldGroups>;

export function buildInstaller(groups: InstallerFieldGroups) {
  return z
    .object({
      ...groups.head,
      Architecture: z.enum(ARCHITECTURES).describe('The installer target architecture'),
      ...groups.middle,
      InstallerUrl: strictUrl('The installer Url'),
      InstallerSha256: sha256('Sha256 is required. Sha256 of the installer'),
      SignatureSha256: opt(
        sha256(
          'SignatureSha256 is recommended for appx or msix. It is the sha256 of signature file inside appx or msix. Could be used during streaming install if applicable',
        ),
      ),
      ...groups.tail,
    })
    .describe('One installer of the package; unset fields take the root-level value');
}

export function buildInstallerManifest(v: SchemaVersion) {
  const groups = installerFieldGroups(v);
  return z
    .object({
      PackageIdentifier: packageIdentifier(v),
      PackageVersion: packageVersion(),
      Channel: opt(text(1, 16, 'The distribution channel')),
      ...groups.head,
      ...groups.middle,
      ...groups.tail,
      Installers: z
        .array(buildInstaller(groups))
        .min(1)
        .max(constraintAt(CHANGED_CONSTRAINTS.installersMaxItems, v))
        .describe('The installers of the package'),
      ManifestType: manifestType('installer'),
      ManifestVersion: manifestVersion(v),
    })
    .describe(`The installer manifest of one package version (ManifestVersion ${v})`);
}
