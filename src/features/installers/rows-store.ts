/** The installer files being hashed or done, one row each; a small external store the rows render from. */
import { useSyncExternalStore } from 'react';
import type { InstallerAnalysis } from '../../installers/analyse';
import type { DownloadFailure } from '../../installers/download/download';
import type { Sample } from './progress';
import type { Placed } from './suggestions';

export type RowStatus = 'resolving' | 'queued' | 'hashing' | 'analysing' | 'done' | 'failed' | 'cancelled';

export interface FileRow {
  id: number;
  /** The draft the file was added to: its hash and mismatches concern that draft only. */
  draftId: string;
  /** The bytes: the chosen or dropped file, or a download small enough to keep (see src/installers/download/spill.ts). */
  file?: Blob;
  /** Set for a download: the InstallerUrl as written in the manifest (the hash goes to the installers that have it). */
  url?: string;
  /** Why a download failed, for what the row offers (a drop for a server that refuses web pages). */
  failure?: DownloadFailure | 'private';
  /** Downloaded through the GitHub API's asset endpoint (a redirect to storage is expected there). */
  viaApi?: boolean;
  /** Things worth knowing about the URL (it may serve other bytes later). */
  warnings: string[];
  name: string;
  /** 0 until a download's answer says its size, when it does. */
  size: number;
  status: RowStatus;
  bytesDone: number;
  samples: Sample[];
  /** Upper-case hex once hashed. */
  sha256?: string;
  seconds?: number;
  error?: string;
  /** Installers (indexes at the time) that got the hash. */
  installers: number[];
  /** Installers named by the file that hold another hash; cleared by Replace. */
  mismatch: number[];
  /** The blank installer the file filled, with the Architecture it had then (a default, see openBlankArchitecture). */
  blank?: { index: number; architecture: unknown };
  analysis?: InstallerAnalysis;
  analysisError?: string;
  applied: Placed[];
  offered: Placed[];
  nestedPath?: string;
  /** A dropped zip is only ours if it holds no manifests; its hash waits for the analysis to say. */
  dropZip: boolean;
}

let rows: FileRow[] = [];
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export const rowsStore = {
  get: (): FileRow[] => rows,
  row: (id: number): FileRow | undefined => rows.find((r) => r.id === id),
  add(row: FileRow): void {
    rows = [...rows, row];
    emit();
  },
  update(id: number, patch: Partial<FileRow> | ((row: FileRow) => Partial<FileRow>)): void {
    rows = rows.map((r) => (r.id === id ? { ...r, ...(typeof patch === 'function' ? patch(r) : patch) } : r));
    emit();
  },
  remove(id: number): void {
    rows = rows.filter((r) => r.id !== id);
    emit();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useRows(): FileRow[] {
  return useSyncExternalStore(rowsStore.subscribe, rowsStore.get, rowsStore.get);
}
