/**
 * The installer worker: hashes a file, then analyses it, one job at a time (the pool gives each worker one job
 * and waits for `done`). Cancelling a running job terminates the worker, so no abort flag is needed here.
 */
import { analyseInstaller, blobSource } from './analyse';
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

async function analyse(jobId: number, file: Blob, name: string, nestedPath?: string): Promise<void> {
  try {
    const analysis = await analyseInstaller(blobSource(file), name, nestedPath === undefined ? undefined : { nestedPath });
    post({ type: 'analysed', jobId, analysis });
  } catch (error) {
    // Analysers report malformed files in `error`; a throw is a bug or an unreadable file, shown at the file all the same.
    post({ type: 'failed', jobId, stage: 'analyse', message: `Could not analyse the installer: ${readErrorMessage(error)}` });
  }
}

async function run(request: WorkerRequest): Promise<void> {
  const { jobId, file, name } = request;
  let stage: JobStage = 'hash';
  try {
    if (request.type === 'hash') {
      const started = performance.now();
      const sha256 = await hashBlob(file, { onProgress: (bytesDone) => post({ type: 'progress', jobId, bytesDone }) });
      post({ type: 'hashed', jobId, sha256, seconds: (performance.now() - started) / 1000 });
      stage = 'analyse';
      if (request.analyse) await analyse(jobId, file, name);
    } else {
      stage = 'analyse';
      await analyse(jobId, file, name, request.nestedPath);
    }
  } catch (error) {
    post({ type: 'failed', jobId, stage, message: readErrorMessage(error) });
  } finally {
    post({ type: 'done', jobId });
  }
}

// A compile failure surfaces again, at the file, when a job needs the module.
precompileSha256().catch(() => undefined);

scope.onmessage = (event) => {
  void run(event.data);
};
