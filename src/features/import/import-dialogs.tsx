import { useId, useState, type FormEvent } from 'react';
import { Modal } from '../../ui/modal';
import { importStore, useImportState } from './import-store';
import type { ImportProblem, ManifestCandidate } from './read-sources';
import { useImporter } from './use-import';

function where(problem: ImportProblem): string {
  if (!problem.file) return problem.line > 0 ? `line ${problem.line}` : '';
  return problem.line > 0 ? `${problem.file}, line ${problem.line}` : problem.file;
}

function ProblemList({ problems }: { problems: ImportProblem[] }) {
  return (
    <ul className="import-problems">
      {problems.map((p, i) => (
        <li key={i} className={`import-problem import-problem-${p.severity}`}>
          <span className="import-problem-severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
          {where(p) && <span className="import-problem-where">{where(p)}</span>}
          <span className="import-problem-message">{p.message}</span>
        </li>
      ))}
    </ul>
  );
}

function ChooseDialog({ candidates, problems }: { candidates: ManifestCandidate[]; problems: ImportProblem[] }) {
  const titleId = useId();
  const { choose } = useImporter();
  const [picked, setPicked] = useState(0);
  const close = () => importStore.update({ choice: undefined });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const candidate = candidates[picked];
    if (candidate) choose(candidate);
  };
  return (
    <Modal labelId={titleId} onClose={close} className="import-dialog">
      <form onSubmit={onSubmit}>
        <h2 id={titleId}>Choose a manifest to import</h2>
        <fieldset className="import-choices">
          <legend>{candidates.length} manifests found</legend>
          {candidates.map((c, i) => (
            <label key={c.source} className="import-choice">
              <input type="radio" name="manifest" checked={picked === i} onChange={() => setPicked(i)} />
              <span className="import-choice-label">{c.label}</span>
              <span className="import-choice-source">
                {c.source} · {c.files.length} {c.files.length === 1 ? 'file' : 'files'}
              </span>
            </label>
          ))}
        </fieldset>
        {problems.length > 0 && (
          <>
            <p>Some files could not be read:</p>
            <ProblemList problems={problems} />
          </>
        )}
        <div className="import-dialog-buttons">
          <button type="button" onClick={close}>Cancel</button>
          <button type="submit" className="import-primary">Import</button>
        </div>
      </form>
    </Modal>
  );
}

function ReportDialog({ title, problems, failed }: { title: string; problems: ImportProblem[]; failed: boolean }) {
  const titleId = useId();
  const close = () => importStore.update({ report: undefined });
  return (
    <Modal labelId={titleId} onClose={close} className="import-dialog">
      <h2 id={titleId}>{title}</h2>
      {failed && <p>The current draft was left unchanged.</p>}
      <ProblemList problems={problems} />
      <div className="import-dialog-buttons">
        <button type="button" className="import-primary" onClick={close} autoFocus>Close</button>
      </div>
    </Modal>
  );
}

/** The chooser and the problem report; rendered once, by whichever import control hosts them. */
export function ImportDialogs() {
  const choice = useImportState((s) => s.choice);
  const report = useImportState((s) => s.report);
  return (
    <>
      {choice && <ChooseDialog key={choice.candidates.map((c) => c.source).join('\n')} candidates={choice.candidates} problems={choice.problems} />}
      {!choice && report && <ReportDialog key={report.title} title={report.title} problems={report.problems} failed={report.failed} />}
    </>
  );
}
