/**
 * The core's findings for one file as editor markers. Pure (no Monaco import), so it is unit-tested and stays out
 * of the editor chunk's critical path.
 */
import type { Finding } from '../../core/findings';
import type { ManifestFileText } from '../../document/types';

/** Marker owner: keeps our markers apart from the YAML language server's own (owner `yaml`). */
export const MARKER_OWNER = 'wingsmith';

/** Monaco's `MarkerSeverity` values, repeated here so this module does not pull in the editor. */
export const MARKER_SEVERITY = { error: 8, warning: 4 } as const;

export interface FindingMarker {
  severity: number;
  message: string;
  source: string;
  code: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/**
 * The findings that belong to a file: the last validation's findings for its name and the parse errors of its
 * current text, without repeats (a broken file's parse error may be in both).
 */
export function fileFindings(file: Pick<ManifestFileText, 'name' | 'parseFindings'>, findings: readonly Finding[]) {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const finding of [...file.parseFindings, ...findings.filter((f) => f.file === file.name)]) {
    const id = `${finding.line}:${finding.column}:${finding.severity}:${finding.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(finding);
  }
  return out;
}

/**
 * Converts findings to markers against the text they will be shown on. A finding points at a line and column;
 * the marker runs from there to the end of the line's content, so the whole key or value is underlined.
 * Positions outside the text (a finding from a slightly older text, or one without a position) are clamped
 * rather than dropped: the message must stay visible.
 */
export function findingMarkers(findings: readonly Finding[], lines: readonly string[]): FindingMarker[] {
  const lineCount = Math.max(lines.length, 1);
  return findings.map((finding) => {
    const line = Math.min(Math.max(finding.line, 1), lineCount);
    const text = lines[line - 1] ?? '';
    const contentEnd = text.trimEnd().length + 1;
    const firstContent = text.length - text.trimStart().length + 1;
    const start = finding.column > 0 ? Math.min(finding.column, contentEnd) : Math.min(firstContent, contentEnd);
    return {
      severity: MARKER_SEVERITY[finding.severity],
      message: finding.field ? `${finding.message} (${finding.field})` : finding.message,
      source: MARKER_OWNER,
      code: finding.rule,
      startLineNumber: line,
      startColumn: start,
      endLineNumber: line,
      endColumn: Math.max(contentEnd, start),
    };
  });
}

/** The first parse error of a file, for the banner above the editor. */
export function firstParseError(file: Pick<ManifestFileText, 'parseFindings'>): Finding | undefined {
  return [...file.parseFindings].sort((a, b) => a.line - b.line || a.column - b.column)[0];
}
