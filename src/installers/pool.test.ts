import { describe, expect, it } from 'vitest';
import { InstallerPool, type WorkerLike } from './pool';
import type { WorkerRequest, WorkerResponse } from './protocol';

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  requests: WorkerRequest[] = [];
  terminated = false;
  postMessage(message: WorkerRequest) {
    this.requests.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: WorkerResponse) {
    this.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
  }
}

function setup(size: number) {
  const workers: FakeWorker[] = [];
  const pool = new InstallerPool({ size, create: () => { const w = new FakeWorker(); workers.push(w); return w; } });
  return { pool, workers };
}

const file = new Blob(['x']);
const hashJob = { type: 'hash', file, name: 'a.exe', analyse: true } as const;

describe('InstallerPool', () => {
  it('runs one job per worker, at most `size` workers, and queues the rest', () => {
    const { pool, workers } = setup(2);
    const ids = [1, 2, 3].map(() => pool.submit(hashJob, {}));
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.requests.map((r) => r.jobId))).toEqual([[ids[0]], [ids[1]]]);
    workers[0]!.reply({ type: 'done', jobId: ids[0]! });
    expect(workers[0]!.requests.map((r) => r.jobId)).toEqual([ids[0], ids[2]]);
    expect(workers).toHaveLength(2);
    pool.dispose();
  });

  it('warms one worker ahead of the first job and gives the job to it', () => {
    const { pool, workers } = setup(2);
    pool.warm();
    pool.warm();
    expect(workers).toHaveLength(1);
    const id = pool.submit(hashJob, {});
    expect(workers).toHaveLength(1);
    expect(workers[0]!.requests.map((r) => r.jobId)).toEqual([id]);
    pool.dispose();
  });

  it('never starts more workers than jobs', () => {
    const { pool, workers } = setup(8);
    pool.submit(hashJob, {});
    expect(workers).toHaveLength(1);
    pool.dispose();
  });

  it('routes messages to the job events', () => {
    const { pool, workers } = setup(1);
    const seen: string[] = [];
    const id = pool.submit(hashJob, {
      onProgress: (n) => seen.push(`progress ${n}`),
      onHashed: (h) => seen.push(`hashed ${h}`),
      onAnalysed: (a) => seen.push(`analysed ${a.kind}`),
      onFailed: (stage, m) => seen.push(`failed ${stage} ${m}`),
      onDone: () => seen.push('done'),
    });
    const w = workers[0]!;
    w.reply({ type: 'progress', jobId: id, bytesDone: 5 });
    w.reply({ type: 'progress', jobId: id + 99, bytesDone: 7 });
    w.reply({ type: 'hashed', jobId: id, sha256: 'ab', seconds: 1 });
    w.reply({ type: 'analysed', jobId: id, analysis: { kind: 'msi', suggestions: [], notes: [] } });
    w.reply({ type: 'done', jobId: id });
    expect(seen).toEqual(['progress 5', 'hashed ab', 'analysed msi', 'done']);
    pool.dispose();
  });

  it('cancels a running job by replacing its worker, and a queued one by dropping it', () => {
    const { pool, workers } = setup(1);
    const done: number[] = [];
    const a = pool.submit(hashJob, { onDone: () => done.push(1) });
    const b = pool.submit(hashJob, {});
    const c = pool.submit(hashJob, {});
    expect(pool.cancel(b)).toBe(true);
    expect(pool.cancel(a)).toBe(true);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.requests.map((r) => r.jobId)).toEqual([c]);
    expect(done).toEqual([]);
    expect(pool.cancel(a)).toBe(false);
    pool.dispose();
  });

  it('fails the job, never leaves it hanging, when the worker crashes', () => {
    const { pool, workers } = setup(1);
    const seen: string[] = [];
    pool.submit(hashJob, { onFailed: (stage, m) => seen.push(`${stage}: ${m}`), onDone: () => seen.push('done') });
    workers[0]!.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(seen).toEqual(['hash: The hashing worker stopped: boom', 'done']);
    expect(pool.workerCount).toBe(0);
    pool.dispose();
  });
});
