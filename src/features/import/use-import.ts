import { useCallback, useMemo } from 'react';
import type { Finding } from '../../core/findings';
import type { DocumentActions } from '../../document/types';
import { useActions } from '../../document/use-editor';
import { validatorReady } from '../../document/validator';
import { importStore } from './import-store';
import type { Collected, ImportProblem, ManifestCandidate, SourceFile } from './read-sources';

export type ImportMode = 'choose' | 'drop';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function problemsOf(findings: readonly Finding[], candidate: ManifestCandidate): ImportProblem[] {
  const problems = findings.map((f) => ({
    file: f.file || candidate.source,
    line: f.line,
    message: f.field ? `${f.field}: ${f.message}` : f.message,
    severity: f.severity,
  }));
  // Errors first: they are what stopped the import.
  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** Hands one manifest to the document; a failure leaves the current draft exactly as it was. */
export function importCandidate(actions: DocumentActions, candidate: ManifestCandidate, skipped: ImportProblem[]): void {
  let result: { ok: boolean; findings: Finding[] };
  try {
    result = actions.importFiles(candidate.files.map((f) => ({ name: f.name, data: f.data })));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = { ok: false, findings: [{ severity: 'error', rule: 'document-import', message, file: '', line: 0, column: 0, field: '' }] };
  }
  if (!result.ok) {
    const problems = problemsOf(result.findings, candidate);
    if (problems.length === 0) problems.push({ file: candidate.source, line: 0, severity: 'error', message: 'These files do not form a manifest.' });
    // A lone file is named by its file name: its content may be too broken to name the package.
    const what = candidate.files.length === 1 ? candidate.files[0]!.name : candidate.label;
    importStore.update({ busy: false, choice: undefined, notice: undefined, report: { title: `Could not import ${what}`, problems: [...problems, ...skipped], failed: true } });
    return;
  }
  const notice = `Imported ${candidate.label} (${plural(candidate.files.length, 'file')}).`;
  importStore.update({
    busy: false,
    choice: undefined,
    notice,
    report: skipped.length > 0 ? { title: `Imported ${candidate.label}; some files were skipped`, problems: skipped, failed: false } : undefined,
  });
}

/** Reads chosen or dropped files and imports them, asking which manifest to take when there are several. */
export async function importSources(actions: DocumentActions, sources: readonly SourceFile[], mode: ImportMode): Promise<void> {
  importStore.update({ busy: true, report: undefined, notice: undefined });
  let collected: Collected;
  try {
    // Unzipping is only needed once someone imports; it stays out of the first load.
    const { collectCandidates } = await import('./read-sources');
    collected = await collectCandidates(sources, { quietNonManifestZips: mode === 'drop' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    importStore.update({ busy: false, report: { title: 'Could not read the files', problems: [{ file: '', line: 0, severity: 'error', message }], failed: true } });
    return;
  }
  const { candidates, problems, ignored } = collected;
  // The document validates with a lazily loaded core; an import in the first moments must wait for it.
  await validatorReady.catch(() => undefined);
  if (candidates.length === 0) {
    if (problems.length === 0 && mode === 'drop' && ignored.length === 0 && sources.length > 0) {
      // Only installer zips were dropped: they belong to the installer files handler.
      importStore.update({ busy: false });
      return;
    }
    const none: ImportProblem[] = problems.length > 0 ? problems : [{ file: '', line: 0, severity: 'error', message: 'No .yaml, .yml or .zip manifest files were found.' }];
    for (const path of ignored.slice(0, 20)) none.push({ file: path, line: 0, severity: 'warning', message: 'Not a manifest file (.yaml, .yml or .zip); ignored.' });
    importStore.update({ busy: false, report: { title: 'Nothing was imported', problems: none, failed: true } });
    return;
  }
  if (candidates.length === 1) {
    importCandidate(actions, candidates[0]!, problems);
    return;
  }
  importStore.update({ busy: false, choice: { candidates, problems } });
}

/** The import entry points bound to the current document. */
export function useImporter() {
  const actions = useActions();
  const run = useCallback((sources: readonly SourceFile[], mode: ImportMode) => importSources(actions, sources, mode), [actions]);
  const choose = useCallback(
    (candidate: ManifestCandidate) => importCandidate(actions, candidate, importStore.getState().choice?.problems ?? []),
    [actions],
  );
  return useMemo(() => ({ run, choose }), [run, choose]);
}
