import type { SubmissionStep, SubmissionStepId } from './types';

export const STEP_LABELS: Record<SubmissionStepId, string> = {
  checks: 'Check the manifest and the target repository',
  upstream: 'Read the target repository',
  fork: 'Find or create your fork',
  blobs: 'Upload the files',
  tree: 'Create the folder tree',
  commit: 'Create the commit',
  branch: 'Create the branch on your fork',
  'pull-request': 'Open the pull request',
  cleanup: 'Remove the half-made branch',
};

const PLANNED: SubmissionStepId[] = ['checks', 'upstream', 'fork', 'blobs', 'tree', 'commit', 'branch', 'pull-request'];

/** The step list shown while a submission runs; every change is reported as a fresh array. */
export class StepTracker {
  private steps: SubmissionStep[];
  current: SubmissionStepId | undefined;

  constructor(private readonly report: (steps: SubmissionStep[]) => void) {
    this.steps = PLANNED.map((id) => ({ id, label: STEP_LABELS[id], status: 'pending' }));
    this.emit();
  }

  private emit(): void {
    this.report(this.steps.map((s) => ({ ...s })));
  }

  private set(id: SubmissionStepId, status: SubmissionStep['status'], detail?: string): void {
    const existing = this.steps.find((s) => s.id === id);
    const next: SubmissionStep = { id, label: STEP_LABELS[id], status, ...(detail !== undefined ? { detail } : {}) };
    if (existing) this.steps = this.steps.map((s) => (s.id === id ? next : s));
    else this.steps = [...this.steps, next];
    this.emit();
  }

  start(id: SubmissionStepId, detail?: string): void {
    this.current = id;
    this.set(id, 'running', detail);
  }

  /** Updates the detail of the running step (e.g. "2 of 4 files"). */
  progress(detail: string): void {
    if (this.current) this.set(this.current, 'running', detail);
  }

  done(detail?: string): void {
    if (this.current) this.set(this.current, 'done', detail);
    this.current = undefined;
  }

  skip(id: SubmissionStepId, detail: string): void {
    this.set(id, 'skipped', detail);
    if (this.current === id) this.current = undefined;
  }

  fail(detail: string): void {
    if (this.current) this.set(this.current, 'failed', detail);
    this.current = undefined;
  }

  /** Marks the steps that never ran as skipped once the submission has stopped. */
  skipRest(detail: string): void {
    this.steps = this.steps.map((s) => (s.status === 'pending' ? { ...s, status: 'skipped', detail } : s));
    this.emit();
  }
}
