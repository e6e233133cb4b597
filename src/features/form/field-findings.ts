/**
 * Findings shown at the control they are about. Validation runs on the files (the same run the CLI does); each
 * control looks up its file and field path in an index built once per validation, so a keystroke costs every
 * field a map lookup and re-renders only those whose messages changed.
 */
import { useMemo } from 'react';
import type { Finding } from '../../core/findings';
import type { ManifestFileText } from '../../document/types';
import { useEditor } from '../../document/use-editor';

/** A section of the form: `version`, `installer`, `defaultLocale`, or `locale#<index>` (index in the set). */
export type SectionKey = string;

export interface FieldMessage {
  severity: Finding['severity'];
  message: string;
  /** "Required field missing": stale as soon as the field has a value. */
  missing: boolean;
}

const MISSING = /required field missing/i;

/** The schema and the client's rules can both report a field; say it once. */
function sameMessage(a: string, b: string): boolean {
  const plain = (m: string) => m.replace(/^Schema Error\.\s*/i, '');
  return plain(a) === plain(b);
}

/** Keys every file repeats; the Package section edits them once, so their findings show there. */
const SHARED_KEYS = new Set(['PackageIdentifier', 'PackageVersion', 'ManifestVersion', 'ManifestType']);

/** The form section a file of the set is edited in. */
export function sectionOfFile(files: readonly ManifestFileText[], fileName: string): SectionKey | undefined {
  const file = files.find((f) => f.name === fileName);
  if (!file) return undefined;
  if (file.kind !== 'locale') return file.kind;
  return `locale#${files.filter((f) => f.kind === 'locale').indexOf(file)}`;
}

/** Where a finding shows in the form: the section and the field path inside it. */
export function findingTarget(
  files: readonly ManifestFileText[],
  finding: Pick<Finding, 'file' | 'field'>,
): { section: SectionKey; field: string } | undefined {
  const section = sectionOfFile(files, finding.file);
  if (section === undefined) return undefined;
  if (SHARED_KEYS.has(finding.field)) return { section: 'version', field: finding.field };
  return { section, field: finding.field };
}

type FindingIndex = ReadonlyMap<string, string>;

const indexes = new WeakMap<readonly Finding[], FindingIndex>();

/** Lookup key of a control. */
export function fieldKey(section: SectionKey, path: string): string {
  return `${section}|${path}`;
}

function buildIndex(findings: readonly Finding[], files: readonly ManifestFileText[]): FindingIndex {
  const grouped = new Map<string, FieldMessage[]>();
  const add = (key: string, finding: Finding) => {
    const list = grouped.get(key) ?? [];
    if (list.some((m) => sameMessage(m.message, finding.message))) return;
    list.push({ severity: finding.severity, message: finding.message, missing: MISSING.test(finding.message) });
    grouped.set(key, list);
  };
  for (const finding of findings) {
    const target = findingTarget(files, finding);
    if (!target || target.field === '') continue;
    add(fieldKey(target.section, target.field), finding);
    // An item of a list shows at the list too (scalar lists have one control for all items).
    const parent = /^(.*)\[\d+\]$/.exec(target.field);
    if (parent?.[1]) add(fieldKey(target.section, parent[1]), finding);
  }
  // Encoded as text so that a selector result compares equal when the messages did not change.
  return new Map([...grouped].map(([key, list]) => [key, JSON.stringify(list)]));
}

export function findingIndex(findings: readonly Finding[], files: readonly ManifestFileText[]): FindingIndex {
  let index = indexes.get(findings);
  if (!index) {
    index = buildIndex(findings, files);
    indexes.set(findings, index);
  }
  return index;
}

const NONE: readonly FieldMessage[] = [];

/**
 * Messages to show at a scalar field. An empty field the user has not been to yet says nothing beyond its
 * required mark (a blank new manifest should not open as a wall of red; Problems lists everything). And a
 * "required field missing" goes as soon as the field has a value, before validation catches up, so it does not
 * flash in and move the page under the pointer.
 */
export function visibleMessages(messages: readonly FieldMessage[], visited: boolean, filled: boolean): readonly FieldMessage[] {
  if (messages.length === 0) return messages;
  if (!filled && !visited) return NONE;
  if (!filled || !messages.some((m) => m.missing)) return messages;
  const shown = messages.filter((m) => !m.missing);
  return shown.length === 0 ? NONE : shown;
}

/** The messages validation has for one control, re-rendering only when they change. */
export function useFieldFindings(section: SectionKey, path: string): readonly FieldMessage[] {
  const key = fieldKey(section, path);
  const encoded = useEditor((s) => findingIndex(s.findings, s.files).get(key));
  return useMemo(() => (encoded ? (JSON.parse(encoded) as FieldMessage[]) : NONE), [encoded]);
}
