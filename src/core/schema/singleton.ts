/** The singleton manifest: one file holding the default-locale metadata and exactly one installer. */
import { z } from 'zod';
import type { SchemaVersion } from '../manifest-version';
import { jsonNullable, opt } from './helpers';
import { buildInstaller, installerFieldGroups } from './installer';
import { localizedFields } from './locale';
import { localeTag, manifestType, manifestVersion, packageIdentifier, packageVersion, text } from './primitives';

export function buildSingletonManifest(v: SchemaVersion) {
  const groups = installerFieldGroups(v, true);
  return z
    .object({
      PackageIdentifier: packageIdentifier(v),
      PackageVersion: packageVersion(),
      ...localizedFields(v),
      // The singleton schema types PackageLocale as nullable and gives it no default.
      PackageLocale: jsonNullable(localeTag('The package meta-data locale')),
      Channel: opt(text(1, 16, 'The distribution channel')),
      ...groups.head,
      ...groups.middle,
      ...groups.tail,
      Installers: z.array(buildInstaller(groups)).min(1).max(1).describe('The one installer of the package'),
      ManifestType: manifestType('singleton'),
      ManifestVersion: manifestVersion(v),
    })
    .describe(`A whole package version in one file (ManifestVersion ${v})`);
}
