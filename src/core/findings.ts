/** A validation result, located so that an editor can jump to it and a CLI can print it. */
export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  /** Stable rule id, e.g. `schema`, `duplicate-installer`, `community-https-url`. Tests and UIs filter on it. */
  rule: string;
  message: string;
  /** File name as given by the caller (e.g. `Foo.Bar.installer.yaml`), or '' for the manifest as a whole. */
  file: string;
  /** 1-based; 0 when the finding has no position (e.g. a missing file). */
  line: number;
  /** 1-based; 0 when the finding has no position. */
  column: number;
  /** Field path such as `Installers[0].InstallerSwitches.Silent`; '' for the file itself. */
  field: string;
}

export type FieldPath = readonly (string | number)[];

export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Stable order: file, then position, then errors before warnings. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
