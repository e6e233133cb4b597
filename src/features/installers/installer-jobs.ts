/**
 * Runs installer files through the worker pool and lands the results in the document: the hash on the installer
 * the file belongs to, then what analysis found (filling empty fields, offering the rest).
 */
import type { DocumentActions } from '../../document/types';
import type { InstallerAnalysis } from '../../installers/analyse';
import { removeStaleSpills } from '../../installers/download/spill';
import { redirectWarning } from '../../installers/download/vanity';
import { createInstallerPool, type InstallerPool, type JobEvents, type JobRequest } from '../../installers/pool';
import { addInstaller, clearHash, holdsOtherHash, installersOf, installersWithHash, planHash, planHashForUrl, setHashes, urlFileName } from './assign';
import { openBlankArchitecture, placeAnalysis } from './plan-analysis';
import { privateAssetMessage } from './private-asset';
import { addSample } from './progress';
import { rowsStore, type FileRow } from './rows-store';
import { applySuggestion, type Placed } from './suggestions';

export type Updater = Pick<DocumentActions, 'updateSet'>;

let pool: InstallerPool | undefined;
const pools = () => (pool ??= createInstallerPool());
/** A drag or the file chooser is under way: have a worker ready before the files arrive. */
export function warmInstallerWorkers(): void {
  pools().warm();
}

/** Row id → the job running for it, for Cancel. */
const running = new Map<number, number>();
let nextRow = 1;
export const newRowId = (): number => nextRow++;
const now = () => performance.now();

function isManifestZip(analysis: InstallerAnalysis): boolean {
  const files = (analysis.entries ?? []).filter((e) => !e.path.endsWith('/'));
  return files.length > 0 && files.every((e) => /\.ya?ml$/i.test(e.path));
}

function assignHash(actions: Updater, row: FileRow): void {
  const sha = row.sha256!;
  let installers: number[] = [];
  let mismatch: number[] = [];
  let blank: FileRow['blank'];
  actions.updateSet((set) => {
    const plan = row.url !== undefined ? planHashForUrl(set, row.url, sha) : planHash(set, row.name, sha);
    mismatch = plan.mismatch;
    if (plan.create) {
      const added = addInstaller(set, { InstallerSha256: sha });
      installers = [added.index];
      return added.set;
    }
    installers = plan.assign;
    if (plan.blank !== undefined) blank = { index: plan.blank, architecture: installersOf(set)[plan.blank]?.Architecture };
    return plan.assign.length > 0 ? setHashes(set, plan.assign, sha) : set;
  });
  rowsStore.update(row.id, { installers, mismatch, blank });
}

function landAnalysis(actions: Updater, id: number, analysis: InstallerAnalysis): void {
  const row = rowsStore.row(id);
  if (!row?.sha256) return;
  let applied: Placed[] = [];
  let offered: Placed[] = [];
  actions.updateSet((set) => {
    const holders = installersWithHash(set, row.sha256!);
    // A file whose hash is disputed only offers: its values may be for another release than the manifest's.
    const disputed = holders.length === 0 && row.mismatch.length > 0;
    const { blank } = row;
    const open = blank && holders.includes(blank.index) && typeof blank.architecture === 'string'
      ? openBlankArchitecture(set, blank.index, blank.architecture, analysis) : set;
    const result = placeAnalysis(open, disputed ? row.mismatch : holders, analysis, !disputed);
    applied = result.applied;
    offered = result.offered;
    return result.set;
  });
  rowsStore.update(id, { analysis, applied, offered });
}

/** The events every job of a row shares: progress, the hash to its installer, then the analysis. */
function rowEvents(actions: Updater, id: number): JobEvents {
  return {
    onStart: () => rowsStore.update(id, { status: 'hashing', samples: [{ t: now(), bytes: 0 }] }),
    onProgress: (bytes) => rowsStore.update(id, (r) => ({ bytesDone: bytes, samples: addSample(r.samples, { t: now(), bytes }) })),
    onFetchStarted: (start) =>
      rowsStore.update(id, (r) => {
        const moved = r.url !== undefined && !r.viaApi ? redirectWarning(r.url, start.finalUrl, start.redirected) : undefined;
        return { size: start.total ?? 0, ...(moved && !r.warnings.includes(moved) ? { warnings: [...r.warnings, moved] } : {}) };
      }),
    onFetched: (size, file) => rowsStore.update(id, { size, bytesDone: size, ...(file ? { file } : {}) }),
    onHashed: (sha, seconds) => {
      rowsStore.update(id, (r) => ({ sha256: sha.toUpperCase(), seconds, bytesDone: r.size, status: 'analysing' }));
      const hashed = rowsStore.row(id)!;
      if (!hashed.dropZip) assignHash(actions, hashed);
    },
    onAnalysed: (analysis) => {
      const current = rowsStore.row(id);
      if (!current) return;
      if (current.dropZip) {
        // The manifest import takes zips of manifests; only installer zips stay here.
        if (isManifestZip(analysis)) {
          rowsStore.remove(id);
          return;
        }
        rowsStore.update(id, { dropZip: false });
        assignHash(actions, rowsStore.row(id)!);
      }
      landAnalysis(actions, id, analysis);
    },
    onFailed: (stage, message, info) =>
      rowsStore.update(id, (r) => {
        if (stage !== 'hash') return { analysisError: message };
        if (r.viaApi && info?.status === 404) return { status: 'failed', error: privateAssetMessage(r.name), failure: 'private' };
        return { status: 'failed', error: message, ...(info ? { failure: info.failure } : {}) };
      }),
    onDone: () => {
      running.delete(id);
      const current = rowsStore.row(id);
      if (current?.dropZip && current.sha256) {
        rowsStore.update(id, { dropZip: false });
        assignHash(actions, rowsStore.row(id)!);
      }
      rowsStore.update(id, (r) => (r.status === 'analysing' || r.status === 'hashing' ? { status: 'done' } : {}));
    },
  };
}

/** Runs a hashing or download job for the row; Cancel stops it. */
export function runRowJob(actions: Updater, id: number, request: JobRequest): void {
  running.set(id, pools().submit(request, rowEvents(actions, id)));
}

/** A dropped or chosen file completes a download the browser was not allowed to make (same file name). */
function completeBlockedDownloads(draftId: string, fileName: string): void {
  const lower = fileName.toLowerCase();
  for (const row of rowsStore.get()) {
    if (row.draftId === draftId && row.url !== undefined && row.status !== 'done' && !running.has(row.id) && urlFileName(row.url)?.toLowerCase() === lower) {
      rowsStore.remove(row.id);
    }
  }
}

export function addFiles(actions: Updater, draftId: string, files: readonly File[], dropped = false): void {
  for (const file of files) {
    const id = newRowId();
    completeBlockedDownloads(draftId, file.name);
    rowsStore.add({
      id, draftId, file, name: file.name, size: file.size, status: 'queued', bytesDone: 0, samples: [], installers: [], mismatch: [],
      applied: [], offered: [], warnings: [], dropZip: dropped && /\.zip$/i.test(file.name),
    });
    runRowJob(actions, id, { type: 'hash', file, name: file.name, analyse: true });
  }
}

/** A cancelled download's worker is terminated mid-write: its spill file is unlocked a moment later, then removed. */
const SWEEP_AFTER_MS = 1000;

export function cancel(id: number): void {
  const jobId = running.get(id);
  if (jobId !== undefined) pools().cancel(jobId);
  running.delete(id);
  if (jobId !== undefined && rowsStore.row(id)?.url !== undefined) setTimeout(() => void removeStaleSpills().catch(() => undefined), SWEEP_AFTER_MS);
  rowsStore.update(id, (r) =>
    r.sha256 ? { status: 'done', analysisError: 'Analysis cancelled.' } : { status: 'cancelled', error: 'Cancelled; nothing was changed.' },
  );
}

export function dismiss(id: number): void {
  if (running.has(id)) cancel(id);
  rowsStore.remove(id);
}

/** The user confirmed that this file is the installer: its hash replaces the one in the manifest. */
export function replaceHash(actions: Updater, id: number): void {
  const row = rowsStore.row(id);
  if (!row?.sha256 || row.mismatch.length === 0) return;
  actions.updateSet((set) => setHashes(set, row.mismatch, row.sha256!));
  rowsStore.update(id, { installers: row.mismatch, mismatch: [] });
  if (row.analysis) landAnalysis(actions, id, row.analysis);
}

/** Moves the file to another installer (index) or to a new one; a different hash there is a mismatch again. */
export function assignTo(actions: Updater, id: number, target: number | 'new'): void {
  const row = rowsStore.row(id);
  if (!row?.sha256) return;
  const sha = row.sha256;
  let installers: number[] = [];
  let mismatch: number[] = [];
  actions.updateSet((set) => {
    const cleared = clearHash(set, sha);
    if (target === 'new') {
      const added = addInstaller(cleared, { InstallerSha256: sha });
      installers = [added.index];
      return added.set;
    }
    if (holdsOtherHash(cleared, target, sha)) {
      mismatch = [target];
      return cleared;
    }
    installers = [target];
    return setHashes(cleared, [target], sha);
  });
  // The user placed the file: whatever that installer holds is theirs now, its Architecture included.
  rowsStore.update(id, { installers, mismatch, applied: [], offered: [], blank: undefined });
  if (row.analysis) landAnalysis(actions, id, row.analysis);
}

export function acceptSuggestion(actions: Updater, id: number, placed: Placed): void {
  actions.updateSet((set) => applySuggestion(set, placed));
  rowsStore.update(id, (r) => ({ offered: r.offered.filter((p) => p !== placed), applied: [...r.applied, placed] }));
}

/**
 * Analyses the installer the user chose inside a zip, and lands it like any analysis. A download too big to
 * keep has no bytes here any more: it is fetched again (`refetch`), hashed again, and analysed with the choice.
 */
export function chooseNested(actions: Updater, id: number, nestedPath: string, refetch: (id: number, nestedPath: string) => void): void {
  const row = rowsStore.row(id);
  if (!row) return;
  if (!row.file) {
    rowsStore.update(id, { nestedPath, analysisError: undefined });
    refetch(id, nestedPath);
    return;
  }
  rowsStore.update(id, { nestedPath, status: 'analysing', analysisError: undefined });
  const jobId = pools().submit({ type: 'analyse', file: row.file, name: row.name, nestedPath }, {
    onAnalysed: (analysis) => landAnalysis(actions, id, { ...analysis, entries: analysis.entries ?? row.analysis?.entries }),
    onFailed: (_stage, message) => rowsStore.update(id, { analysisError: message }),
    onDone: () => {
      running.delete(id);
      rowsStore.update(id, { status: 'done' });
    },
  });
  running.set(id, jobId);
}
