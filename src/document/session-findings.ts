/**
 * Findings that come from this session rather than from the files, e.g. an installer file whose hash differs from
 * the one in the manifest. Features name the file and field; the store places them in the file's current text, so
 * Problems, the form's field messages and the YAML view treat them like any other finding.
 */
import { formatFieldPath, type Finding } from '../core/findings';
import { parseManifestYaml } from '../core/yaml/parse';
import type { ManifestFileText, SessionFinding } from './types';

export function locateSessionFindings(files: readonly ManifestFileText[], items: readonly SessionFinding[]): Finding[] {
  return items.flatMap((item) => {
    const file = files.find((f) => f.key === item.fileKey);
    if (!file) return [];
    // A file whose text does not parse has no positions to give; the field path still leads the form there.
    const position = file.parseFindings.length === 0 ? parseManifestYaml(file.name, file.text).locate(item.path) : { line: 0, column: 0 };
    const { severity, rule, message } = item;
    return [{ severity, rule, message, file: file.name, line: position.line, column: position.column, field: formatFieldPath(item.path) }];
  });
}
