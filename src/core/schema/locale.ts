/** The defaultLocale and locale manifests, and the localized metadata the singleton shares with them. */
import { z } from 'zod';
import type { SchemaVersion } from '../manifest-version';
import { jsonNullable, opt, unique } from './helpers';
import {
  ICON_FILE_TYPES,
  ICON_RESOLUTIONS,
  ICON_THEMES,
  localeTag,
  manifestType,
  manifestVersion,
  packageIdentifier,
  packageVersion,
  sha256,
  strictUrl,
  text,
  url,
} from './primitives';
import { CHANGED_CONSTRAINTS, constraintAt, gate } from './versioning';

const tag = (description: string) => jsonNullable(text(1, 40, description));

export const agreement = () =>
  z
    .object({
      AgreementLabel: opt(
        text(
          1,
          100,
          'The label of the Agreement. i.e. EULA, AgeRating, etc. This field should be localized. Either Agreement or AgreementUrl is required. When we show the agreements, we would Bold the AgreementLabel',
        ),
      ),
      Agreement: opt(text(1, 10000, 'The agreement text content.')),
      AgreementUrl: opt(url('The agreement URL.')),
    })
    .describe('An agreement the user accepts by installing the package');

export const documentation = () =>
  z
    .object({
      DocumentLabel: opt(
        text(1, 100, 'The label of the documentation for providing software guides such as manuals and troubleshooting URLs.'),
      ),
      DocumentUrl: opt(url('The documentation URL.')),
    })
    .describe('A link to documentation of the package');

export const icon = () =>
  z
    .object({
      IconUrl: strictUrl('The url of the hosted icon file'),
      IconFileType: z.enum(ICON_FILE_TYPES).describe('The icon file type'),
      IconResolution: opt(z.enum(ICON_RESOLUTIONS).describe('Optional icon resolution')),
      IconTheme: opt(z.enum(ICON_THEMES).describe('Optional icon theme')),
      IconSha256: opt(sha256('Optional Sha256 of the icon file')),
    })
    .describe('An icon of the package');

/**
 * PackageLocale through Icons as the defaultLocale file has them (the singleton reuses them; the locale file
 * relaxes four required fields and drops Moniker).
 */
export function localizedFields(v: SchemaVersion) {
  return gate(v, {
    PackageLocale: localeTag('The package meta-data locale').meta({ default: 'en-US' }),
    Publisher: text(2, 256, 'The publisher name'),
    PublisherUrl: opt(url('The publisher home page')),
    PublisherSupportUrl: opt(url('The publisher support page')),
    PrivacyUrl: opt(url('The publisher privacy page or the package privacy page')),
    Author: opt(text(2, 256, 'The package author')),
    PackageName: text(2, 256, 'The package name'),
    PackageUrl: opt(url('The package home page')),
    License: text(3, 512, 'The package license'),
    LicenseUrl: opt(url('The license page')),
    Copyright: opt(text(3, 512, 'The package copyright')),
    CopyrightUrl: opt(url('The package copyright page')),
    ShortDescription: text(3, 256, 'The short package description'),
    Description: opt(text(3, 10000, 'The full package description')),
    Moniker: opt(tag('The most common package term')),
    Tags: opt(unique(z.array(tag('Package moniker or tag')).max(16)).describe('List of additional package search terms')),
    Agreements: opt(z.array(agreement()).max(128).describe('Agreements the user accepts by installing the package')),
    ReleaseNotes: opt(text(1, 10000, 'The package release notes')),
    ReleaseNotesUrl: opt(url('The package release notes url')),
    PurchaseUrl: opt(url('The purchase url for acquiring entitlement for the package.')),
    InstallationNotes: opt(
      text(
        1,
        constraintAt(CHANGED_CONSTRAINTS.installationNotesMaxLength, v),
        'The notes displayed to the user upon completion of a package installation.',
      ),
    ),
    Documentations: opt(z.array(documentation()).max(256).describe('Links to documentation of the package')),
    Icons: opt(z.array(icon()).max(1024).describe('Icons of the package')),
  });
}

export function buildDefaultLocaleManifest(v: SchemaVersion) {
  return z
    .object({
      PackageIdentifier: packageIdentifier(v),
      PackageVersion: packageVersion(),
      ...localizedFields(v),
      ManifestType: manifestType('defaultLocale'),
      ManifestVersion: manifestVersion(v),
    })
    .describe(`The default-locale metadata of one package version (ManifestVersion ${v})`);
}

export function buildLocaleManifest(v: SchemaVersion) {
  const { Moniker: _moniker, ...fields } = localizedFields(v);
  return z
    .object({
      PackageIdentifier: packageIdentifier(v),
      PackageVersion: packageVersion(),
      ...fields,
      // Spread order keeps each key where localizedFields put it; only the types change.
      PackageLocale: localeTag('The package meta-data locale'),
      Publisher: opt(text(2, 256, 'The publisher name')),
      PackageName: opt(text(2, 256, 'The package name')),
      License: opt(text(3, 512, 'The package license')),
      ShortDescription: opt(text(3, 256, 'The short package description')),
      ManifestType: manifestType('locale'),
      ManifestVersion: manifestVersion(v),
    })
    .describe(`The metadata of one package version in an additional locale (ManifestVersion ${v})`);
}
