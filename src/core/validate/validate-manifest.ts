import { formatFieldPath, hasErrors, sortFindings, type FieldPath, type Finding } from '../findings';
import { readManifestFile, type ParsedManifestFile } from '../read/read-file';
import { manifestSchema, type ManifestType } from '../schema';
import { singletonToSet } from '../model/singleton';
import { convertPreview } from '../model/preview';
import { previewPath } from '../model/preview-paths';
import { previewManifestSchema } from '../schema/preview';
import type { ManifestFileKind, ManifestSet } from '../model/types';
import type { SingletonManifest, VersionManifest, InstallerManifest, DefaultLocaleManifest, LocaleManifest } from '../schema';
import { checkStructure } from './structure';
import { schemaFindings } from './schema-findings';
import { runCommunityRules, runHeaderRules, runSemanticRules, type RuleContext, type RuleFile } from './rules';

export interface ManifestFileInput {
  name: string;
  data: Uint8Array | string;
  /** Repository-relative path, when known (enables the community path checks). */
  path?: string;
}

export interface ValidateOptions {
  /** Full validation as `winget validate` does (semantic rules, unknown-field warnings). Default true. */
  full?: boolean;
  /** Schema-header problems as warnings (`winget validate`) rather than errors (the pipeline). Default true. */
  headerAsWarning?: boolean;
  /** Community-repository rules (warnings). Default true. */
  community?: boolean;
}

export interface ManifestValidation {
  /** Every finding, errors and warnings, in a stable order. */
  findings: Finding[];
  valid: boolean;
  /** The package version, when the files could be assembled into one. */
  set?: ManifestSet;
  files: ParsedManifestFile[];
  manifestVersion: string;
  singleton: boolean;
  preview: boolean;
}

/** Reads and validates one manifest (a singleton, or the files of one multi-file set) like `winget validate`. */
export function validateManifest(inputs: readonly ManifestFileInput[], options: ValidateOptions = {}): ManifestValidation {
  const full = options.full ?? true;
  const files = inputs.map((input) => readManifestFile(input, { full }));
  const findings: Finding[] = files.flatMap((f) => f.findings);
  const structure = checkStructure(
    files.map((f) => ({ name: f.name, rootScalar: (k) => f.yaml.rootScalar(k), locate: (p) => f.yaml.locate(p) })),
    full,
  );
  findings.push(...structure.findings);
  const result = (set: ManifestSet | undefined, singleton: boolean): ManifestValidation => {
    dropRepeatedMissingFields(findings);
    sortFindings(findings);
    return { findings, valid: !hasErrors(findings), set, files, manifestVersion: structure.manifestVersion, singleton, preview: structure.preview };
  };
  if (!structure.canContinue || files.some((f) => f.value === undefined)) return result(undefined, false);

  if (structure.preview) {
    const file = files[0]!;
    const locate = (p: readonly (string | number)[]) => file.yaml.locate(p);
    findings.push(...schemaFindings(previewManifestSchema, file.value, file.name, locate));
    const { set, localeSources } = convertPreview(file.value!);
    // The client's semantic pass runs on what it read, whatever the format; findings point back at the preview keys.
    if (full) findings.push(...runSemanticRules(previewRuleContext(file, set, localeSources, structure.manifestVersion)));
    if (options.community ?? true) {
      findings.push({
        severity: 'warning',
        rule: 'community-old-manifest-version',
        message: `This is the preview manifest format (ManifestVersion ${structure.manifestVersion}); winget-pkgs accepts 1.10.0 or newer. Wingsmith converts it when it writes.`,
        file: file.name,
        ...locate([]),
        field: '',
      });
    }
    return result(set, true);
  }

  for (const file of files) {
    const type = file.manifestType as ManifestType | undefined;
    if (type && isSchemaType(type)) {
      findings.push(...schemaFindings(manifestSchema(type, structure.manifestVersion), file.value, file.name, (p) => file.yaml.locate(p)));
    }
  }

  const assembled = assemble(files);
  if (!assembled) return result(undefined, false);
  const ctx = ruleContext(assembled, files, structure.manifestVersion, full);
  if (full) findings.push(...runSemanticRules(ctx));
  findings.push(...runHeaderRules(ctx, { headerAsWarning: options.headerAsWarning ?? true }));
  if (options.community ?? true) {
    findings.push(...runCommunityRules(ctx, { singleton: assembled.singleton, paths: inputs.map((i) => i.path), versions: 1 }));
  }
  return result(assembled.set, assembled.singleton);
}

function isSchemaType(type: string): type is ManifestType {
  return type === 'singleton' || type === 'version' || type === 'installer' || type === 'defaultLocale' || type === 'locale';
}

interface Assembled {
  set: ManifestSet;
  singleton: boolean;
  byKind: Map<ManifestFileKind, ParsedManifestFile>;
  locales: ParsedManifestFile[];
}

function assemble(files: readonly ParsedManifestFile[]): Assembled | undefined {
  if (files.length === 1 && files[0]!.manifestType === 'singleton') {
    const file = files[0]!;
    const set = singletonToSet(file.value as SingletonManifest);
    const byKind = new Map<ManifestFileKind, ParsedManifestFile>([
      ['version', file], ['installer', file], ['defaultLocale', file],
    ]);
    return { set, singleton: true, byKind, locales: [] };
  }
  const byKind = new Map<ManifestFileKind, ParsedManifestFile>();
  const locales: ParsedManifestFile[] = [];
  for (const file of files) {
    const type = file.manifestType;
    if (type === 'locale') locales.push(file);
    else if ((type === 'version' || type === 'installer' || type === 'defaultLocale') && !byKind.has(type)) byKind.set(type, file);
  }
  const version = byKind.get('version');
  const installer = byKind.get('installer');
  const defaultLocale = byKind.get('defaultLocale');
  if (!version || !installer || !defaultLocale) return undefined;
  return {
    set: {
      version: version.value as VersionManifest,
      installer: installer.value as InstallerManifest,
      defaultLocale: defaultLocale.value as DefaultLocaleManifest,
      locales: locales.map((l) => l.value as LocaleManifest),
    },
    singleton: false,
    byKind,
    locales,
  };
}

function ruleContext(
  assembled: Assembled,
  files: readonly ParsedManifestFile[],
  manifestVersion: string,
  full: boolean,
): RuleContext {
  const fileFor = (kind: ManifestFileKind | { locale: number }): ParsedManifestFile | undefined =>
    typeof kind === 'object' ? assembled.locales[kind.locale] : kind === 'locale' ? undefined : assembled.byKind.get(kind);
  const at = (kind: ManifestFileKind | { locale: number }, path: FieldPath) => {
    const file = fileFor(kind);
    const where = file ? file.yaml.locate(path) : { line: 0, column: 0 };
    return { file: file?.name ?? '', line: where.line, column: where.column, field: formatFieldPath(path) };
  };
  const infos = files.map((f) => ({
    name: f.name,
    manifestType: f.manifestType ?? '',
    manifestVersion: f.manifestVersion,
    header: f.yaml.header,
    shadow: f.manifestType === 'shadow',
  }));
  return { manifestVersion, full, set: assembled.set, at, files: infos };
}

function previewRuleContext(file: ParsedManifestFile, set: ManifestSet, localeSources: readonly number[], manifestVersion: string): RuleContext {
  const toPreview = (kind: RuleFile, path: FieldPath) => previewPath(kind, path, localeSources);
  return {
    manifestVersion,
    full: true,
    set,
    at: (kind, path) => {
      const where = file.yaml.locate(toPreview(kind, path));
      return { file: file.name, line: where.line, column: where.column, field: formatFieldPath(toPreview(kind, path)) };
    },
    name: (kind, path) => formatFieldPath(toPreview(kind, path)),
  };
}

/**
 * winget reports a missing required field twice, from the schema and from its own checks. Both name the same
 * file and field; people (and the Problems list) need it once, so the schema's copy goes.
 */
function dropRepeatedMissingFields(findings: Finding[]): void {
  const named = new Set<string>();
  for (const f of findings) {
    if (f.rule !== 'schema' && f.message.startsWith('Required field missing.')) named.add(`${f.file}\u0000${f.field}`);
  }
  if (named.size === 0) return;
  let kept = 0;
  for (const f of findings) {
    const repeated = f.rule === 'schema' && f.message.startsWith('Schema Error. Required field missing.') && named.has(`${f.file}\u0000${f.field}`);
    if (!repeated) findings[kept++] = f;
  }
  findings.length = kept;
}
