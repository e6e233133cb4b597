/**
 * A hashed file whose installer holds another InstallerSha256 is a problem of the manifest, not only of the file's
 * row: it is listed in Problems and at the field, for as long as it holds (Replace, or typing the hash, ends it).
 */
import { useEffect } from 'react';
import type { ManifestSet } from '../../core/model/types';
import type { SessionFinding } from '../../document/types';
import { useActions, useEditor } from '../../document/use-editor';
import { holdsOtherHash } from './assign';
import { useRows, type FileRow } from './rows-store';

export const MISMATCH_SOURCE = 'installer-hashes';

export function mismatchFindings(set: ManifestSet, draftId: string, rows: readonly FileRow[]): SessionFinding[] {
  return rows.flatMap((row) => {
    const sha = row.sha256;
    if (!sha || row.draftId !== draftId) return [];
    return row.mismatch.flatMap((i) => {
      if (!holdsOtherHash(set, i, sha)) return [];
      return [{
        severity: 'warning' as const,
        rule: 'installers-hash-mismatch',
        message: `InstallerSha256 differs from the SHA-256 of ${row.name} hashed here (${sha}). If that file is this installer, use Replace under Installer files.`,
        fileKey: 'installer',
        path: ['Installers', i, 'InstallerSha256'],
      }];
    });
  });
}

export function useHashMismatchFindings(): void {
  const { setSessionFindings } = useActions();
  const set = useEditor((s) => s.set);
  const draftId = useEditor((s) => s.draftId);
  const rows = useRows();
  useEffect(() => setSessionFindings(MISMATCH_SOURCE, mismatchFindings(set, draftId, rows)), [setSessionFindings, set, draftId, rows]);
}
