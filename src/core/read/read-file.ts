/** Reading one manifest file end to end: bytes -> text -> YAML -> typed value, with every finding on the way. */
import type { Finding } from '../findings';
import { atLeast, isPreviewVersion, parseManifestVersion } from '../manifest-version';
import { fieldTree } from '../schema';
import { previewFieldTree } from '../schema/preview';
import { populate } from '../validate/population';
import { MAX_MANIFEST_BYTES } from './limits';
import type { ManifestEncoding } from '../yaml/decode';
import { decodeManifestBytes } from '../yaml/decode';
import type { YamlFile } from '../yaml/parse';
import { parseManifestYaml } from '../yaml/parse';

export interface ParsedManifestFile {
  name: string;
  /** Decoded text, BOM removed. */
  text: string;
  encoding: ManifestEncoding;
  eol: 'lf' | 'crlf';
  yaml: YamlFile;
  /** Exact root `ManifestType` text, when present. */
  manifestType?: string;
  /** Exact root `ManifestVersion` text; `0.1.0` (the preview format) when missing, as the client assumes (B1). */
  manifestVersion: string;
  /**
   * Populated fields: typed per the field tree for v1 files of a known type, or per the preview's own field list
   * (its key names, canonical case, empty values left out). Absent when the client would refuse to load the file, or the type or version
   * is one no field tree describes.
   */
  value?: Record<string, unknown>;
  /** Load-time (§A) and population (§D) findings. */
  findings: Finding[];
}

export interface ReadOptions {
  /** Full validation as `winget validate` runs it (unknown keys reported). Default true. */
  full?: boolean;
}

const PREVIEW_VERSION = '0.1.0';

/** A file refused by its size: nothing of it is parsed, and nothing populated. */
function tooLarge(name: string): ParsedManifestFile {
  const yaml = parseManifestYaml(name, '');
  const finding: Finding = {
    severity: 'error',
    rule: 'document-too-large',
    message: `The file is larger than ${MAX_MANIFEST_BYTES / 2 ** 20} MiB, far beyond any manifest; Wingsmith does not read it.`,
    file: name,
    line: 0,
    column: 0,
    field: '',
  };
  return { name, text: '', encoding: 'utf-8', eol: 'lf', yaml: { ...yaml, findings: [finding], loadFailed: true }, manifestVersion: PREVIEW_VERSION, findings: [finding] };
}

const STRUCTURAL_KEYS = ['ManifestVersion', 'PackageIdentifier', 'PackageVersion', 'ManifestType', 'DefaultLocale', 'PackageLocale'];

const TREE_TYPES = ['singleton', 'version', 'installer', 'defaultLocale', 'locale'] as const;
type TreeType = (typeof TREE_TYPES)[number];

function isTreeType(type: string | undefined): type is TreeType {
  return (TREE_TYPES as readonly (string | undefined)[]).includes(type);
}

export function readManifestFile(input: { name: string; data: Uint8Array | string }, options: ReadOptions = {}): ParsedManifestFile {
  if (input.data.length > MAX_MANIFEST_BYTES) return tooLarge(input.name);
  const decoded =
    typeof input.data === 'string'
      ? { text: input.data.charCodeAt(0) === 0xfeff ? input.data.slice(1) : input.data, encoding: 'utf-8' as const }
      : decodeManifestBytes(input.data);
  const yaml = parseManifestYaml(input.name, decoded.text);
  const manifestType = yaml.rootScalar('ManifestType');
  const manifestVersion = yaml.rootScalar('ManifestVersion') ?? PREVIEW_VERSION;
  const findings = [...yaml.findings];
  // The client's exact-name lookups of these keys throw on a duplicate before anything else is checked (A6).
  for (const key of STRUCTURAL_KEYS) {
    const duplicate = yaml.rootEntry(key)?.finding;
    if (duplicate) findings.push(duplicate);
  }
  let value: Record<string, unknown> | undefined;
  if (!yaml.loadFailed) {
    const parsedVersion = parseManifestVersion(manifestVersion);
    if (parsedVersion && parsedVersion.major === 1 && isTreeType(manifestType) && atLeast(manifestVersion, '1.0.0')) {
      const result = populate(yaml, fieldTree(manifestType, manifestVersion), { full: options.full ?? true, manifestVersion });
      value = result.value;
      findings.push(...result.findings);
    } else if (parsedVersion && isPreviewVersion(manifestVersion)) {
      // The client walks the preview's own field list with the same per-key checks as v1 (case, duplicates, unknown keys).
      const result = populate(yaml, previewFieldTree(), { full: options.full ?? true, manifestVersion });
      value = result.value;
      findings.push(...result.findings);
    }
  }
  return {
    name: input.name,
    text: decoded.text,
    encoding: decoded.encoding,
    eol: yaml.eol,
    yaml,
    manifestType,
    manifestVersion,
    value,
    findings,
  };
}
