/**
 * Turning imported files into a document. A multi-file set already at a version Wingsmith writes keeps its
 * texts as they are (comments and all); anything else (a singleton, the preview format, an older or newer
 * ManifestVersion) is moved to the nearest writable version and written canonically, with the fields that
 * version lacks reported.
 */
import type { Finding } from '../core/findings';
import { isWritableVersion, nearestWritableVersion } from '../core/manifest-version';
import type { WritableManifestVersion } from '../core/manifest-version';
import type { ManifestSet } from '../core/model/types';
import { setManifestVersion } from '../core/model/upgrade';
import type { DroppedField } from '../core/model/upgrade';
import type { validateManifest } from '../core/validate/validate-manifest';
import { fileParts, writeFiles } from './file-texts';
import type { ManifestFileText } from './types';
import { loadedValidator } from './validator';

export interface ImportedDocument {
  set: ManifestSet;
  manifestVersion: WritableManifestVersion;
  files: ManifestFileText[];
  /** Fields dropped moving to `manifestVersion`, as warnings. */
  notices: Finding[];
}

export type ImportResult = { ok: true; document: ImportedDocument } | { ok: false; findings: Finding[] };

/** The dropped fields of a version change as findings on the files they came from. */
export function droppedFindings(set: ManifestSet, dropped: readonly DroppedField[], version: string): Finding[] {
  const parts = fileParts(set);
  return dropped.map((d) => ({
    severity: 'warning',
    rule: 'document-field-not-in-version',
    message: `ManifestVersion ${version} has no field ${d.field}; its value was removed.`,
    file: parts.find((p) => p.kind === d.file)?.name ?? '',
    line: 0,
    column: 0,
    field: d.field,
  }));
}

/**
 * What a canonical rewrite drops from the original text: the later copy of a repeated key, an unknown field, a
 * value that could not be read as its field's type, and whatever aliases would have expanded to past the limit.
 */
const REWRITTEN_AWAY = new Set(['yaml-duplicate-key', 'field-duplicate', 'field-unknown', 'field-conversion', 'field-not-a-mapping', 'yaml-aliases']);
/** A file with thousands of unknown keys needs a few of them named, not thousands of notices. */
const MAX_REWRITTEN_NOTICES = 20;

/**
 * The imported file's findings about text the rewritten draft no longer has, as warnings: nothing in the draft
 * shows them any more. The original's line goes in the message, since the draft's files have other lines.
 */
export function rewrittenFindings(findings: readonly Finding[]): Finding[] {
  const lost = findings.filter((f) => REWRITTEN_AWAY.has(f.rule));
  const notice = (file: string, field: string, message: string): Finding => ({ severity: 'warning', rule: 'document-import-rewritten', message, file, line: 0, column: 0, field });
  const notices = lost
    .slice(0, MAX_REWRITTEN_NOTICES)
    .map((f) => notice(f.file, f.field, `Not kept when the imported ${f.file} was rewritten (its line ${f.line}): ${f.message}`));
  const more = lost.length - MAX_REWRITTEN_NOTICES;
  if (more > 0) notices.push(notice(lost[0]!.file, '', `${more} more repeated keys or unknown fields of the imported file were not kept either.`));
  return notices;
}

export function importManifestFiles(inputs: readonly { name: string; data: Uint8Array | string }[]): ImportResult {
  const validate = loadedValidator();
  if (!validate) {
    const message = 'Wingsmith is still starting; try the import again in a moment.';
    return { ok: false, findings: [{ severity: 'error', rule: 'document-import', message, file: '', line: 0, column: 0, field: '' }] };
  }
  let validation: ReturnType<typeof validateManifest>;
  try {
    validation = validate(inputs.map((i) => ({ name: i.name, data: i.data })));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, findings: [{ severity: 'error', rule: 'document-import', message, file: '', line: 0, column: 0, field: '' }] };
  }
  const set = validation.set;
  if (!set) {
    const errors = validation.findings.filter((f) => f.severity === 'error');
    const findings: Finding[] = errors.length > 0 ? errors : [
      { severity: 'error', rule: 'document-import', message: 'These files do not make one manifest.', file: '', line: 0, column: 0, field: '' },
    ];
    return { ok: false, findings };
  }
  const version = validation.manifestVersion;
  if (isWritableVersion(version) && !validation.singleton && !validation.preview) {
    return { ok: true, document: { set, manifestVersion: version, files: keptTexts(set, validation.files, version), notices: [] } };
  }
  const target = nearestWritableVersion(version);
  const moved = setManifestVersion(set, target);
  return {
    ok: true,
    document: {
      set: moved.set,
      manifestVersion: target,
      files: writeFiles(moved.set, target),
      notices: [...droppedFindings(moved.set, moved.dropped, target), ...rewrittenFindings(validation.findings)],
    },
  };
}

/** The imported texts in file order; a part with no file of its own (should not happen) is written canonically. */
function keptTexts(
  set: ManifestSet,
  parsed: ReturnType<typeof validateManifest>['files'],
  version: string,
): ManifestFileText[] {
  const canonical = writeFiles(set, version);
  const locales = parsed.filter((f) => f.manifestType === 'locale');
  const byType = (type: string) => parsed.find((f) => f.manifestType === type);
  return fileParts(set).map((part, i) => {
    const source = part.kind === 'locale' ? locales[part.index] : byType(part.kind);
    return source ? { ...canonical[i]!, text: source.text } : canonical[i]!;
  });
}
