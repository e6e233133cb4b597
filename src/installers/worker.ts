/**
 * The installer worker: hashes a file, then analyses it, one job at a time (the pool gives each worker one job
 * and waits for `done`). Cancelling a running job terminates the worker, so no abort flag is needed here.
 */
import { analyseInstaller, blobSource, type ByteSource } from './analyse';
import { DownloadError, downloadAndHash } from './download/download';
import { openSyncFile, removeStaleSpills, syncHandleFile, type SpillFileOpener } from './download/spill';
import { openWriterFile } from './download/writer-file';
import { hashBlob } from './hash/hash-blob';
import { readErrorMessage } from './hash/read-error';
import { precompileSha256 } from './hash/sha256';
import type { JobStage, WorkerRequest, WorkerResponse } from './protocol';

// The app's TypeScript lib is the DOM's; the worker global is described just as far as it is used.
const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

function post(message: WorkerResponse): void {
  scope.postMessage(message);
}

async function analyse(jobId: number, source: ByteSource, name: string, nestedPath?: string): Promise<void> {
  try {
    const analysis = await analyseInstaller(source, name, nestedPath === undefined ? undefined : { nestedPath });
    post({ type: 'analysed', jobId, analysis });
  } catch (error) {
    // Analysers report malformed files in `error`; a throw is a bug or an unreadable file, shown at the file all the same.
    post({ type: 'failed', jobId, stage: 'analyse', message: `Could not analyse the installer: ${readErrorMessage(error)}` });
  }
}

/** Spill files are written by a worker of their own where workers can start workers, else on this thread. */
const openSpillFile: SpillFileOpener = typeof Worker === 'function'
  ? openWriterFile
  : async () => {
      const { handle, remove } = await openSyncFile();
      return syncHandleFile(handle, remove);
    };

async function fetchJob(request: Extract<WorkerRequest, { type: 'fetch' }>): Promise<void> {
  const { jobId, name } = request;
  const started = performance.now();
  await stale;
  const downloaded = await downloadAndHash(
    { url: request.url, fileName: name, ...(request.accept ? { accept: request.accept } : {}) },
    {
      openFile: openSpillFile,
      ...(request.memoryLimit !== undefined ? { memoryLimit: request.memoryLimit } : {}),
      onStart: (start) => post({ type: 'fetch-started', jobId, ...start }),
      onProgress: (bytesDone) => post({ type: 'progress', jobId, bytesDone }),
    },
  );
  try {
    const file = downloaded.spill.blob();
    post({ type: 'fetched', jobId, size: downloaded.size, ...(file ? { file } : {}) });
    post({ type: 'hashed', jobId, sha256: downloaded.sha256, seconds: (performance.now() - started) / 1000 });
    if (request.analyse) await analyse(jobId, await downloaded.spill.source(), name, request.nestedPath);
  } finally {
    downloaded.spill.dispose();
  }
}

async function run(request: WorkerRequest): Promise<void> {
  const { jobId, name } = request;
  let stage: JobStage = 'hash';
  try {
    if (request.type === 'hash') {
      const started = performance.now();
      const sha256 = await hashBlob(request.file, { onProgress: (bytesDone) => post({ type: 'progress', jobId, bytesDone }) });
      post({ type: 'hashed', jobId, sha256, seconds: (performance.now() - started) / 1000 });
      stage = 'analyse';
      if (request.analyse) await analyse(jobId, blobSource(request.file), name);
    } else if (request.type === 'fetch') {
      await fetchJob(request);
    } else {
      stage = 'analyse';
      await analyse(jobId, blobSource(request.file), name, request.nestedPath);
    }
  } catch (error) {
    if (error instanceof DownloadError) {
      post({ type: 'failed', jobId, stage, message: error.message, failure: error.failure, ...(error.status !== undefined ? { status: error.status } : {}) });
    } else {
      post({ type: 'failed', jobId, stage, message: readErrorMessage(error) });
    }
  } finally {
    post({ type: 'done', jobId });
  }
}

// A compile failure surfaces again, at the file, when a job needs the module.
precompileSha256().catch(() => undefined);
// Downloads wait for this, so a leftover is never mistaken for room that is in use.
const stale = removeStaleSpills().catch(() => undefined);

scope.onmessage = (event) => {
  void run(event.data);
};
