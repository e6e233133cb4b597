/** The version manifest: identity, default locale and nothing else. */
import { z } from 'zod';
import type { SchemaVersion } from '../manifest-version';
import { localeTag, manifestType, manifestVersion, packageIdentifier, packageVersion } from './primitives';

export function buildVersionManifest(v: SchemaVersion) {
  return z
    .object({
      PackageIdentifier: packageIdentifier(v),
      PackageVersion: packageVersion(),
      DefaultLocale: localeTag('The default package meta-data locale').meta({ default: 'en-US' }),
      ManifestType: manifestType('version'),
      ManifestVersion: manifestVersion(v),
    })
    .describe(`The version manifest of one package version (ManifestVersion ${v})`);
}
