import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useActions, useDocumentStore } from '../../document/use-editor';
import { GitHubError } from '../../github/types';
import type { PreflightResult, SubmissionAttempt, SubmissionInput, SubmissionResult, SubmissionStep } from '../../github/types';
import { Modal } from '../../ui/modal';
import { getBaseline } from './next-version-baseline';
import { hasPreflightWarnings, PreflightWarnings } from './preflight-warnings';
import { ReplaceVersionOption, replaceOffer, withReplacement } from './replace-version-option';
import { submissionChecks } from './submission-checks';
import { SubmissionSteps } from './submission-steps';
import { useGitHubClient } from './use-github-client';
import { GitHubQueries } from '../../document/github-queries';

type Phase =
  | { name: 'checking' }
  | { name: 'blocked'; problems: string[]; fix?: PreflightResult['spellingFix'] }
  | { name: 'warn'; input: SubmissionInput; preflight: PreflightResult; replaceable?: string }
  /** Checks passed and the draft could replace the version it was made from: the user decides first. */
  | { name: 'ready'; input: SubmissionInput; preflight: PreflightResult; replaceable: string }
  | { name: 'submitting'; preflight: PreflightResult }
  | { name: 'done'; result: SubmissionResult }
  | { name: 'failed'; message: string };

const CHECKS_LABEL = 'Check the manifest and the target repository';

function checksStep(status: SubmissionStep['status'], detail?: string): SubmissionStep {
  return { id: 'checks', label: CHECKS_LABEL, status, ...(detail ? { detail } : {}) };
}

function describe(error: unknown): string {
  // The client's messages already say what to do (a new token, the reset time of a rate limit, …).
  if (error instanceof GitHubError) return error.userMessage;
  return error instanceof Error ? error.message : String(error);
}

export function ResultView({ result }: { result: SubmissionResult }) {
  if (result.kind === 'pull-request') {
    return (
      <div className="submit-result" role="status">
        <p>The pull request is open.</p>
        <p><a href={result.url} target="_blank" rel="noreferrer">Pull request #{result.number}: {result.title}</a></p>
      </div>
    );
  }
  return (
    <div className="submit-result" role="status">
      <p>{result.reason}</p>
      <p>The branch <code>{result.branch}</code> is pushed; GitHub&apos;s compare page opens the pull request with one click.</p>
      <p><a href={result.url} target="_blank" rel="noreferrer">Open the compare page on GitHub</a></p>
    </div>
  );
}

/** `Open pull request`: checks, then the submission with its steps, then the link (or what went wrong). */
export function PullRequestDialog({ onClose }: { onClose: () => void }) {
  return (
    <GitHubQueries>
      <PullRequestDialogBody onClose={onClose} />
    </GitHubQueries>
  );
}

function PullRequestDialogBody({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const store = useDocumentStore();
  const actions = useActions();
  const queryClient = useQueryClient();
  const { client, keyPrefix, connection } = useGitHubClient();
  const [phase, setPhase] = useState<Phase>({ name: 'checking' });
  const [steps, setSteps] = useState<SubmissionStep[]>([checksStep('running')]);
  const abort = useRef<AbortController | undefined>(undefined);
  /**
   * One record for every attempt of this dialog: a Retry pushes the same branch, so it finds what an earlier
   * attempt made (a pull request whose answer was lost is the result, not a duplicate) instead of making more.
   */
  const attempt = useRef<SubmissionAttempt>({});

  const submission = useMutation({
    mutationFn: (input: SubmissionInput) => {
      abort.current = new AbortController();
      return client.submit(input, (next) => {
        // The client's list may start at its own first step; the checks already ran here.
        setSteps(next.some((s) => s.id === 'checks') ? next : [checksStep('done'), ...next]);
      }, abort.current.signal, attempt.current);
    },
    retry: false,
  });

  const [replace, setReplace] = useState(false);
  /** The version the user chose to replace when sending, kept for a Retry (which skips the question). */
  const replaced = useRef<string | undefined>(undefined);

  const submit = useCallback((unreplaced: SubmissionInput, checked: PreflightResult, replaceVersion?: string) => {
    const { input, preflight } = withReplacement(unreplaced, checked, replaceVersion);
    setPhase({ name: 'submitting', preflight });
    submission.mutate(input, {
      onSuccess: (result) => setPhase({ name: 'done', result }),
      onError: (error) => setPhase({ name: 'failed', message: describe(error) }),
    });
  }, [submission]);

  const run = useCallback(async (confirmed: boolean) => {
    setPhase({ name: 'checking' });
    setSteps([checksStep('running')]);
    // Asking for a pull request turns the To do items into the errors they are: nothing is sent with them.
    store.revealTodo();
    if (connection.token === '') {
      setSteps([checksStep('failed')]);
      setPhase({ name: 'blocked', problems: ['Save a GitHub token in Settings first.'] });
      return;
    }
    await store.flushValidation();
    const state = store.getState();
    const checks = submissionChecks(state.set, state.manifestVersion, state.findings);
    if (!checks.ok) {
      setSteps([checksStep('failed')]);
      setPhase({ name: 'blocked', problems: checks.problems });
      return;
    }
    let preflight: PreflightResult;
    try {
      preflight = await queryClient.fetchQuery({
        queryKey: [...keyPrefix, 'preflight', checks.input.identifier.toLowerCase(), checks.input.version],
        // With the record, the checks leave out this submission's own pull request from an earlier attempt.
        queryFn: () => client.preflight(checks.input, attempt.current),
        staleTime: 0,
      });
    } catch (error) {
      setSteps([checksStep('failed')]);
      setPhase({ name: 'failed', message: describe(error) });
      return;
    }
    if (preflight.spellingProblem) {
      // Submit would refuse it anyway; saying so here sends nothing and offers no pointless Retry.
      setSteps([checksStep('failed', preflight.title)]);
      setPhase({ name: 'blocked', problems: [preflight.spellingProblem], fix: preflight.spellingFix });
      return;
    }
    setSteps([checksStep('done', preflight.title)]);
    const replaceable = replaceOffer(getBaseline(state.draftId), checks.input);
    if (hasPreflightWarnings(preflight) && !confirmed) {
      setPhase({ name: 'warn', input: checks.input, preflight, ...(replaceable !== undefined ? { replaceable } : {}) });
      return;
    }
    if (replaceable !== undefined && !confirmed) {
      setPhase({ name: 'ready', input: checks.input, preflight, replaceable });
      return;
    }
    submit(checks.input, preflight, replaced.current !== undefined && replaced.current === replaceable ? replaceable : undefined);
  }, [client, connection.token, keyPrefix, queryClient, store, submit]);

  const started = useRef(false);
  const [confirmed, setConfirmed] = useState(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void run(false);
  }, [run]);
  useEffect(() => () => abort.current?.abort(), []);

  /** The user's go-ahead after warnings or the replace question: remembered, so a Retry does not ask again. */
  const send = (decided: { input: SubmissionInput; preflight: PreflightResult; replaceable?: string | undefined }) => {
    setConfirmed(true);
    replaced.current = replace ? decided.replaceable : undefined;
    submit(decided.input, decided.preflight, replaced.current);
  };

  const busy = phase.name === 'checking' || phase.name === 'submitting';
  return (
    <Modal labelId={titleId} onClose={busy ? () => undefined : onClose} className="submit-dialog">
      <h2 id={titleId}>Open pull request</h2>
      <p className="submit-hint">Target: {connection.repository} via {connection.apiBaseUrl}</p>
      {phase.name === 'submitting' && <p className="submit-title">{phase.preflight.title}</p>}
      <SubmissionSteps steps={steps} />
      {phase.name === 'blocked' && (
        <div role="alert" className="submit-error">
          <p>Nothing was sent:</p>
          <ul>{phase.problems.map((p) => <li key={p}>{p}</li>)}</ul>
          {phase.fix && (
            <button type="button" className="submit-primary" onClick={() => {
              const { field, value } = phase.fix!;
              // Identity keys are kept in step across the files by the store: setting the version file's is enough.
              actions.updateSet((set) => ({ ...set, version: { ...set.version, [field]: value } }));
              void run(confirmed);
            }}>Use {phase.fix.value} and check again</button>
          )}
        </div>
      )}
      {phase.name === 'warn' && (
        <div className="submit-warning" role="alert">
          <PreflightWarnings preflight={withReplacement(phase.input, phase.preflight, replace ? phase.replaceable : undefined).preflight} />
          <button type="button" className="submit-primary" onClick={() => send(phase)}>Open pull request anyway</button>
        </div>
      )}
      {phase.name === 'ready' && (
        <p className="submit-title">{withReplacement(phase.input, phase.preflight, replace ? phase.replaceable : undefined).preflight.title}</p>
      )}
      {(phase.name === 'warn' || phase.name === 'ready') && phase.replaceable !== undefined && (
        <ReplaceVersionOption version={phase.replaceable} checked={replace} onChange={setReplace} />
      )}
      {phase.name === 'done' && <ResultView result={phase.result} />}
      {phase.name === 'failed' && (
        <div role="alert" className="submit-error">
          <p>{phase.message}</p>
          <p className="submit-hint">Retry first looks on GitHub for what this attempt made and goes on from there: it never opens a second pull request.</p>
        </div>
      )}
      <div className="submit-buttons">
        {phase.name === 'failed' && <button type="button" className="submit-primary" onClick={() => void run(confirmed)}>Retry</button>}
        {phase.name === 'ready' && <button type="button" className="submit-primary" onClick={() => send(phase)}>Send pull request</button>}
        <button type="button" onClick={onClose} disabled={busy}>Close</button>
      </div>
    </Modal>
  );
}
