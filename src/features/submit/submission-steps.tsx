import type { SubmissionStep } from '../../github/types';

const STATUS_TEXT: Record<SubmissionStep['status'], string> = {
  pending: 'waiting',
  running: 'in progress',
  done: 'done',
  failed: 'failed',
  skipped: 'skipped',
};

const STATUS_MARK: Record<SubmissionStep['status'], string> = {
  pending: '○',
  running: '◐',
  done: '✓',
  failed: '✕',
  skipped: '–',
};

/** The live list of what the submission does; each item says its step and its state in words. */
export function SubmissionSteps({ steps }: { steps: SubmissionStep[] }) {
  return (
    <ol className="submit-steps" aria-label="Submission steps">
      {steps.map((step) => (
        <li key={step.id} className={`submit-step submit-step-${step.status}`} aria-current={step.status === 'running' ? 'step' : undefined}>
          <span className="submit-step-mark" aria-hidden="true">{STATUS_MARK[step.status]}</span>
          <span className="submit-step-text">
            <span className="submit-step-label">{step.label}</span>{' '}
            <span className="submit-step-status">— {STATUS_TEXT[step.status]}</span>
          </span>
          {step.detail && <span className="submit-step-detail">{step.detail}</span>}
        </li>
      ))}
    </ol>
  );
}
