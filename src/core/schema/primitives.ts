/** Enum value lists, patterns and the scalar field types several manifest files share. */
import { z } from 'zod';
import type { SchemaVersion } from '../manifest-version';
import { jsonNullable, pattern } from './helpers';
import { CHANGED_CONSTRAINTS, constraintAt, enumValuesAt } from './versioning';

// Value lists, newest schema, in schema order. Older versions drop values via ENUM_VALUE_INTRODUCED_IN.
export const INSTALLER_TYPES = [
  'msix', 'msi', 'appx', 'exe', 'zip', 'inno', 'nullsoft', 'wix', 'burn', 'pwa', 'portable', 'font',
] as const;
export const NESTED_INSTALLER_TYPES = [
  'msix', 'msi', 'appx', 'exe', 'inno', 'nullsoft', 'wix', 'burn', 'portable', 'font',
] as const;
export const ARCHITECTURES = ['x86', 'x64', 'arm', 'arm64', 'neutral'] as const;
export const UNSUPPORTED_OS_ARCHITECTURES = ['x86', 'x64', 'arm', 'arm64'] as const;
export const SCOPES = ['user', 'machine'] as const;
export const PLATFORMS = ['Windows.Desktop', 'Windows.Universal'] as const;
export const INSTALL_MODES = ['interactive', 'silent', 'silentWithProgress'] as const;
export const UPGRADE_BEHAVIORS = ['install', 'uninstallPrevious', 'deny'] as const;
export const RETURN_RESPONSES = [
  'packageInUse', 'packageInUseByApplication', 'installInProgress', 'fileInUse', 'missingDependency', 'diskFull',
  'insufficientMemory', 'invalidParameter', 'noNetwork', 'contactSupport', 'rebootRequiredToFinish',
  'rebootRequiredForInstall', 'rebootInitiated', 'cancelledByUser', 'alreadyInstalled', 'downgrade',
  'blockedByPolicy', 'systemNotSupported', 'custom',
] as const;
export const UNSUPPORTED_ARGUMENTS = ['log', 'location'] as const;
export const ELEVATION_REQUIREMENTS = ['elevationRequired', 'elevationProhibited', 'elevatesSelf'] as const;
export const INSTALLED_FILE_TYPES = ['launch', 'uninstall', 'other'] as const;
export const REPAIR_BEHAVIORS = ['modify', 'uninstaller', 'installer'] as const;
export const AUTHENTICATION_TYPES = ['none', 'microsoftEntraId', 'microsoftEntraIdForAzureBlobStorage'] as const;
export const ICON_FILE_TYPES = ['png', 'jpeg', 'ico'] as const;
export const ICON_RESOLUTIONS = [
  'custom', '16x16', '20x20', '24x24', '30x30', '32x32', '36x36', '40x40', '48x48', '60x60', '64x64', '72x72',
  '80x80', '96x96', '256x256',
] as const;
export const ICON_THEMES = ['default', 'light', 'dark', 'highContrast'] as const;

const VERSION_PART = '(0|[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])';
const ID_SEGMENT = String.raw`[^\.\s\\/:\*\?"<>\|\x01-\x1f]{1,32}`;

export const PATTERNS = {
  packageVersion: String.raw`^[^\\/:\*\?"<>\|\x01-\x1f]+$`,
  locale: '^([a-zA-Z]{2,3}|[iI]-[a-zA-Z]+|[xX]-[a-zA-Z]{1,8})(-[a-zA-Z]{1,8})*$',
  url: '^([Hh][Tt][Tt][Pp][Ss]?)://.+$',
  sha256: '^[A-Fa-f0-9]{64}$',
  minimumOSVersion: String.raw`^${VERSION_PART}(\.${VERSION_PART}){0,3}$`,
  manifestVersion: String.raw`^${VERSION_PART}(\.${VERSION_PART}){2}$`,
  packageFamilyName: String.raw`^[A-Za-z0-9][-\.A-Za-z0-9]+_[A-Za-z0-9]{13}$`,
  market: '^[A-Z]{2}$',
  psModuleName: String.raw`^\w+([.-]\w+)*$`,
  psResourceName: '^[A-Za-z][-_A-Za-z0-9]*$',
  dscV3ResourceType: String.raw`^\w+(\.\w+){0,2}\/\w+$`,
} as const;

export function packageIdentifierPattern(version: SchemaVersion): string {
  const extra = constraintAt(CHANGED_CONSTRAINTS.packageIdentifierExtraSegments, version);
  return String.raw`^${ID_SEGMENT}(\.${ID_SEGMENT}){1,${extra}}$`;
}

/** An enum restricted to the values `version` knows. */
export function enumAt<T extends readonly [string, ...string[]]>(listName: string, values: T, version: SchemaVersion) {
  return z.enum(enumValuesAt(listName, values, version));
}

export const packageIdentifier = (v: SchemaVersion) =>
  z.string().regex(pattern(packageIdentifierPattern(v))).max(128).describe('The package unique identifier');

export const packageVersion = (description = 'The package version') =>
  z.string().regex(pattern(PATTERNS.packageVersion)).max(128).describe(description);

export const localeTag = (description: string) => z.string().regex(pattern(PATTERNS.locale)).max(20).describe(description);

/** The official `Url` definition is nullable; wherever it is used (even where required) null passes the JSON Schema. */
export const url = (description: string) =>
  jsonNullable(z.string().regex(pattern(PATTERNS.url)).max(2048).describe(description));

/** A URL whose official type is plain string (InstallerUrl, IconUrl). */
export const strictUrl = (description: string) => z.string().regex(pattern(PATTERNS.url)).max(2048).describe(description);

export const sha256 = (description: string) => z.string().regex(pattern(PATTERNS.sha256)).describe(description);

export const text = (min: number, max: number, description: string) => z.string().min(min).max(max).describe(description);

export const manifestVersion = (v: SchemaVersion) =>
  z.string().regex(pattern(PATTERNS.manifestVersion)).describe('The manifest syntax version').meta({ default: v });

export function manifestType<T extends string>(type: T) {
  return z.literal(type).describe('The manifest type').meta({ default: type });
}

/** Return codes are 32-bit, written signed or unsigned; 0 is always success and so never listed. */
export const installerReturnCode = () =>
  z
    .int()
    .min(-2147483648)
    .max(4294967295)
    .refine((n) => n !== 0, 'A return code must not be 0')
    .meta({ format: 'long', not: { enum: [0] } })
    .describe('An exit code that can be returned by the installer after execution');
