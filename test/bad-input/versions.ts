import { FILE_NAME, lineOf, singleton } from './base';
import { lazy, NOT_AN_INSTALLER, utf8, type BadInput, type Expectation } from './types';

/* ManifestVersion and ManifestType values no client knows. */

function versioned(name: string, text: string, found: Expectation): BadInput {
  return { name, family: 'version', fileName: FILE_NAME, bytes: lazy(() => utf8(text)), expect: { cli: found, import: found, installer: NOT_AN_INSTALLER } };
}

function atVersion(name: string, manifestVersion: string): BadInput {
  const text = singleton({ manifestVersion });
  return versioned(name, text, { verdict: 'error', line: lineOf(text, 'ManifestVersion'), field: 'ManifestVersion' });
}

/**
 * Without a ManifestVersion it can read, the client takes the preview format (B1): the file loads, with errors. The
 * import converts what the preview format knows and names, with their lines, the fields it could not keep.
 */
function listVersion(): BadInput {
  const text = singleton({ manifestVersion: '[1, 12, 0]' });
  const line = lineOf(text, 'ManifestVersion');
  const input = versioned('ManifestVersion a list', text, { verdict: 'error', message: /Failed to process field\. \[ManifestVersion\]/, line, field: 'ManifestVersion' });
  return { ...input, expect: { ...input.expect, import: { verdict: ['warning', 'error'], message: /Not kept .*\[ManifestVersion\]/, line, field: 'ManifestVersion' } } };
}

function atType(name: string, manifestType: string): BadInput {
  const text = singleton({ manifestType });
  return versioned(name, text, { verdict: 'error', line: lineOf(text, 'ManifestType'), field: 'ManifestType' });
}

const noType = singleton().replace(/^ManifestType: .*\n/m, '');

export const versionInputs: BadInput[] = [
  atVersion('ManifestVersion 99.0.0', '99.0.0'),
  atVersion('ManifestVersion 1.x', '1.x.0'),
  atVersion('ManifestVersion with 20 digits', '1.99999999999999999999.0'),
  atVersion('ManifestVersion negative', '-1.0.0'),
  listVersion(),
  atType('ManifestType merged', 'merged'),
  atType('ManifestType wrong case', 'Singleton'),
  atType('ManifestType a mapping', '{ type: singleton }'),
  versioned('ManifestType missing', noType, { verdict: 'error', field: 'ManifestType' }),
];
