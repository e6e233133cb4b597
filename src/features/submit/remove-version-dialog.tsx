import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { removalCheck } from '../../github/remove-version';
import { GitHubError, type PackageInfo, type SubmissionAttempt, type SubmissionResult, type SubmissionStep } from '../../github/types';
import { Modal } from '../../ui/modal';
import { ResultView } from './pull-request-dialog';
import { SubmissionSteps } from './submission-steps';
import { useGitHubClient } from './use-github-client';
import './remove-replace.css';

type Phase =
  | { name: 'editing'; error?: string }
  | { name: 'sending' }
  | { name: 'done'; result: SubmissionResult }
  | { name: 'failed'; message: string };

function describe(error: unknown): string {
  if (error instanceof GitHubError) return error.userMessage;
  return error instanceof Error ? error.message : String(error);
}

/**
 * `Remove version`: a pull request deleting one version folder of a package listed by Update existing package.
 * The checks the client enforces are shown before anything is sent: the last version is refused, the newest
 * needs a confirmation, and the reason is required because the pull request states it.
 */
export function RemoveVersionDialog({ pkg, initialVersion, onClose }: { pkg: PackageInfo; initialVersion: string; onClose: () => void }) {
  const titleId = useId();
  const versionId = useId();
  const reasonId = useId();
  const reasonHintId = useId();
  const { client, connection } = useGitHubClient();
  const [version, setVersion] = useState(initialVersion);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [phase, setPhase] = useState<Phase>({ name: 'editing' });
  const [steps, setSteps] = useState<SubmissionStep[]>([]);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const abort = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => abort.current?.abort(), []);
  /** Shared by every send of this dialog, so sending again after a failure finds what the last one made. */
  const attempt = useRef<SubmissionAttempt>({});

  const check = removalCheck(pkg, version);
  const selected = pkg.versions.find((v) => v.version === version);
  const busy = phase.name === 'sending';
  const locked = busy || phase.name === 'done';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (check.refusal || locked) return;
    if (connection.token === '') {
      setPhase({ name: 'editing', error: 'Save a GitHub token in Settings first.' });
      return;
    }
    if (reason.trim() === '') {
      setPhase({ name: 'editing', error: 'Type the reason for the removal: the pull request states it, and moderators ask for it.' });
      reasonRef.current?.focus();
      return;
    }
    if (check.highest && !confirmed) {
      setPhase({ name: 'editing', error: `${version} is the newest version: tick “Remove the newest version anyway” to remove it.` });
      return;
    }
    setPhase({ name: 'sending' });
    abort.current = new AbortController();
    try {
      const input = { identifier: pkg.identifier, version, reason, confirmHighest: check.highest && confirmed };
      const result = await client.removeVersion(input, setSteps, abort.current.signal, attempt.current);
      setPhase({ name: 'done', result });
    } catch (error) {
      setPhase({ name: 'failed', message: describe(error) });
    }
  };

  return (
    <Modal labelId={titleId} onClose={busy ? () => undefined : onClose} className="submit-dialog">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <h2 id={titleId}>Remove version</h2>
        <p className="submit-hint">
          Opens a pull request on {connection.repository} whose one commit deletes a version folder of {pkg.identifier}, every
          file in it.
        </p>
        <div className="submit-field">
          <label htmlFor={versionId}>Version</label>
          <select id={versionId} value={version} disabled={locked} onChange={(e) => {
            setVersion(e.target.value);
            // A confirmation is for one version: choosing again asks again.
            setConfirmed(false);
            setPhase({ name: 'editing' });
          }}>
            {pkg.versions.map((v, i) => (
              <option key={v.folder} value={v.version}>{v.version}{i === 0 ? ' (newest)' : ''}</option>
            ))}
          </select>
          {selected && <p className="submit-hint">Deletes <code>{selected.folder}</code>.</p>}
        </div>
        {check.refusal && <p role="alert" className="submit-error">{check.refusal}</p>}
        {!check.refusal && check.highest && (
          <div role="alert" className="submit-warning">
            <p>{check.warning}</p>
            <label className="remove-confirm">
              <input type="checkbox" checked={confirmed} disabled={locked} onChange={(e) => setConfirmed(e.target.checked)} />
              Remove the newest version anyway
            </label>
          </div>
        )}
        <div className="submit-field">
          <label htmlFor={reasonId}>Reason</label>
          <textarea id={reasonId} ref={reasonRef} className="remove-reason" rows={3} value={reason} required aria-required="true"
            aria-describedby={reasonHintId} disabled={locked} onChange={(e) => setReason(e.target.value)} />
          <p id={reasonHintId} className="submit-hint">
            Written at the top of the pull request, e.g. “The installer URL answers 404” or “Withdrawn by the publisher”.
          </p>
        </div>
        {phase.name === 'editing' && phase.error && <p role="alert" className="submit-error">{phase.error}</p>}
        {steps.length > 0 && <SubmissionSteps steps={steps} />}
        {phase.name === 'done' && <ResultView result={phase.result} />}
        {phase.name === 'failed' && (
          <div role="alert" className="submit-error">
            <p>{phase.message}</p>
            <p className="submit-hint">Sending again first looks on GitHub for what this one made and goes on from there.</p>
          </div>
        )}
        <div className="submit-buttons">
          <button type="button" onClick={onClose} disabled={busy}>{phase.name === 'done' ? 'Close' : 'Cancel'}</button>
          {phase.name !== 'done' && (
            <button type="submit" className="submit-primary" disabled={busy || check.refusal !== undefined}>Open removal pull request</button>
          )}
        </div>
      </form>
    </Modal>
  );
}
