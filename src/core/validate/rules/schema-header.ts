/**
 * §F: the `# yaml-language-server: $schema=…` comment every file of a ManifestVersion >= 1.7 manifest must carry,
 * naming the bundled schema of its own type and version.
 */
import type { RuleId } from '../catalog';
import type { Finding, Severity } from '../../findings';
import { atLeast, compareManifestVersions, schemaVersionFor } from '../../manifest-version';
import type { RuleContext, RuleFileInfo } from './rule-context';

export const HEADER_MESSAGES = {
  missing: 'Schema header not found.',
  invalid: 'The schema header is invalid. Please verify that the schema header is present and formatted correctly.',
  type: 'The manifest type in the schema header does not match the ManifestType property value in the manifest.',
  version: 'The manifest version in the schema header does not match the ManifestVersion property value in the manifest.',
  url: 'The schema header URL does not match the expected pattern.',
} as const;

/** The `$id` of the schema the client bundles for this type and version (the defaultLocale id is lower-case). */
export function bundledSchemaId(manifestType: string, manifestVersion: string): string {
  const bucket = atLeast(manifestVersion, '1.30.0') ? '1.30.0' : schemaVersionFor(manifestVersion);
  return `https://aka.ms/winget-manifest.${manifestType.toLowerCase()}.${bucket}.schema.json`;
}

/** The header a writer should emit; the client accepts it case-insensitively. */
export function expectedSchemaHeader(manifestType: string, manifestVersion: string): string {
  return `# yaml-language-server: $schema=${bundledSchemaId(manifestType, manifestVersion)}`;
}

interface HeaderProblem {
  rule: RuleId;
  message: string;
}

function headerProblem(file: RuleFileInfo, manifestVersion: string): HeaderProblem | undefined {
  const expected = expectedSchemaHeader(file.manifestType, manifestVersion);
  if (!file.header) return { rule: 'header-missing', message: `${HEADER_MESSAGES.missing} Add this first line: ${expected}` };
  const body = file.header.text.replace(/^\s*#/, '');
  const parsed = /^\s*yaml-language-server:\s+(\S(?:.*\S)?)\s*$/.exec(body);
  if (!parsed) return { rule: 'header-invalid', message: `${HEADER_MESSAGES.invalid} Expected: ${expected}` };
  const value = parsed[1]!;
  const url = /winget-manifest\.([^.\s/]+)\.(\d+\.\d+\.\d+)\.schema\.json$/.exec(value);
  if (!url) return { rule: 'header-url', message: `${HEADER_MESSAGES.url} Expected: ${expected}` };
  if (url[1] !== file.manifestType) {
    return { rule: 'header-type', message: `${HEADER_MESSAGES.type} The header names "${url[1]}", the file is "${file.manifestType}".` };
  }
  if (compareManifestVersions(url[2]!, manifestVersion) !== 0) {
    return { rule: 'header-version', message: `${HEADER_MESSAGES.version} The header names ${url[2]}, the file has ${manifestVersion}.` };
  }
  if (value.toLowerCase() !== `$schema=${bundledSchemaId(file.manifestType, manifestVersion)}`.toLowerCase()) {
    return { rule: 'header-url', message: `${HEADER_MESSAGES.url} Expected: ${expected}` };
  }
  return undefined;
}

/** §F for every non-shadow file of a manifest whose ManifestVersion is 1.7 or newer (Full validation only). */
export function runHeaderRules(ctx: RuleContext, options: { headerAsWarning: boolean }): Finding[] {
  if (!ctx.full) return [];
  const severity: Severity = options.headerAsWarning ? 'warning' : 'error';
  const out: Finding[] = [];
  for (const file of ctx.files ?? []) {
    const version = file.manifestVersion ?? ctx.manifestVersion;
    if (file.shadow || !atLeast(version, '1.7.0')) continue;
    const problem = headerProblem(file, version);
    if (!problem) continue;
    out.push({
      severity,
      rule: problem.rule,
      message: problem.message,
      file: file.name,
      line: file.header?.line ?? 1,
      column: 1,
      field: '',
    });
  }
  return out;
}
