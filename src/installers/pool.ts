/**
 * A pool of installer workers: one job per worker, as many workers as cores but never more than there are jobs,
 * so several files hash in parallel. Cancelling a running job terminates its worker (immediately, even in the
 * middle of a read) and a fresh one is made when the next job needs it.
 */
import type { InstallerAnalysis } from './analyse/types';
import type { DownloadFailure, DownloadStart } from './download/download';
import type { JobStage, WorkerRequest, WorkerResponse } from './protocol';

export interface FailureInfo {
  failure: DownloadFailure;
  status?: number;
}

export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface JobEvents {
  onStart?(): void;
  onProgress?(bytesDone: number): void;
  onHashed?(sha256: string, seconds: number): void;
  onAnalysed?(analysis: InstallerAnalysis): void;
  onFailed?(stage: JobStage, message: string, failure?: FailureInfo): void;
  /** A download got its answer. */
  onFetchStarted?(start: DownloadStart): void;
  /** A download is complete (before `onHashed`). */
  onFetched?(size: number, file?: Blob): void;
  /** The job is over (successfully or not); not called after a cancel. */
  onDone?(): void;
}

export interface PoolOptions {
  create: () => WorkerLike;
  size: number;
  /** Idle workers are let go after this long, giving back their memory. */
  idleMs?: number;
}

/** A request without its id: the pool numbers jobs. */
type WithoutId<T> = T extends unknown ? Omit<T, 'jobId'> : never;
export type JobRequest = WithoutId<WorkerRequest>;

interface Job {
  id: number;
  request: JobRequest;
  events: JobEvents;
}

interface Slot {
  worker: WorkerLike;
  job?: Job;
  idleTimer?: ReturnType<typeof setTimeout>;
}

export class InstallerPool {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 1;

  constructor(private readonly options: PoolOptions) {}

  /** Queues a job and returns its id, for `cancel`. */
  submit(request: JobRequest, events: JobEvents): number {
    const job: Job = { id: this.nextId++, request, events };
    this.queue.push(job);
    this.pump();
    return job.id;
  }

  /** Cancels a queued or running job; returns false when it was already over. */
  cancel(jobId: number): boolean {
    const queued = this.queue.findIndex((job) => job.id === jobId);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      return true;
    }
    const slot = this.slots.find((s) => s.job?.id === jobId);
    if (!slot) return false;
    this.discard(slot);
    this.pump();
    return true;
  }

  /**
   * Starts one worker ahead of the first job (a drag entering the page, the file chooser opening), so the files
   * do not wait for the worker's script to load; it is let go after the idle time like any other.
   */
  warm(): void {
    if (this.slots.length > 0) return;
    this.idle(this.spawn());
  }

  /** Workers alive now (busy or idle). */
  get workerCount(): number {
    return this.slots.length;
  }

  dispose(): void {
    this.queue.length = 0;
    for (const slot of [...this.slots]) this.discard(slot);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= Math.max(1, this.options.size)) return;
        slot = this.spawn();
      }
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.options.create() };
    slot.worker.onmessage = (event) => this.receive(slot, event.data);
    slot.worker.onerror = (event) => {
      // A worker that throws outside a job's try (it failed to load, say) cannot be trusted with the next one.
      event.preventDefault?.();
      const job = slot.job;
      this.discard(slot);
      if (job) {
        job.events.onFailed?.(job.request.type === 'analyse' ? 'analyse' : 'hash', `The hashing worker stopped: ${event.message || 'unknown error'}`);
        job.events.onDone?.();
      }
      this.pump();
    };
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer);
    slot.job = job;
    job.events.onStart?.();
    slot.worker.postMessage({ ...job.request, jobId: job.id } as WorkerRequest);
  }

  private receive(slot: Slot, message: WorkerResponse): void {
    const job = slot.job;
    if (!job || message.jobId !== job.id) return;
    const { events } = job;
    switch (message.type) {
      case 'progress':
        events.onProgress?.(message.bytesDone);
        break;
      case 'hashed':
        events.onHashed?.(message.sha256, message.seconds);
        break;
      case 'analysed':
        events.onAnalysed?.(message.analysis);
        break;
      case 'fetch-started': {
        const { type: _type, jobId: _id, ...start } = message;
        events.onFetchStarted?.(start);
        break;
      }
      case 'fetched':
        events.onFetched?.(message.size, message.file);
        break;
      case 'failed':
        events.onFailed?.(
          message.stage,
          message.message,
          message.failure ? { failure: message.failure, ...(message.status !== undefined ? { status: message.status } : {}) } : undefined,
        );
        break;
      case 'done':
        slot.job = undefined;
        this.idle(slot);
        events.onDone?.();
        this.pump();
        break;
    }
  }

  private idle(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      if (!slot.job) this.discard(slot);
    }, this.options.idleMs ?? 30_000);
  }

  private discard(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    slot.worker.onmessage = null;
    slot.worker.onerror = null;
    slot.worker.terminate();
    slot.job = undefined;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }
}

/** The app's pool: real module workers, one per core. */
export function createInstallerPool(): InstallerPool {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return new InstallerPool({
    size: cores,
    create: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'installer' }) as WorkerLike,
  });
}
