/** Every finding of the last validation; choosing one goes to its field (form) or its line (YAML). */
import { memo } from 'react';
import type { Finding } from '../core/findings';
import { useActions, useEditor } from '../document/use-editor';

function where(finding: Finding): string {
  return finding.line > 0 ? `line ${finding.line}${finding.column > 0 ? `:${finding.column}` : ''}` : '';
}

const ProblemItem = memo(function ProblemItem({ finding, onSelect }: { finding: Finding; onSelect: (f: Finding) => void }) {
  const position = where(finding);
  return (
    <li className={`problem problem-${finding.severity}`}>
      <button type="button" className="problem-button" onClick={() => onSelect(finding)}>
        <span className="problem-severity">{finding.severity}</span>{' '}
        <span className="problem-file">{finding.file || 'manifest'}</span>{' '}
        {finding.field && <span className="problem-field">{finding.field}</span>}{' '}
        {position && <span className="problem-line">{position}</span>}
        <span className="problem-message">{finding.message}</span>
      </button>
    </li>
  );
});

export function ProblemsPanel() {
  const findings = useEditor((s) => s.findings);
  const { focusFinding } = useActions();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return (
    <section className="problems" aria-label="Problems">
      <h2 className="problems-title">
        Problems{' '}
        <span className="problems-count">
          {findings.length === 0 ? '' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`}
        </span>
      </h2>
      {findings.length === 0 ? (
        <p className="problems-none">No problems</p>
      ) : (
        <ul className="problems-list">
          {findings.map((finding, i) => (
            <ProblemItem key={`${finding.file}|${finding.field}|${finding.line}|${finding.rule}|${i}`} finding={finding} onSelect={focusFinding} />
          ))}
        </ul>
      )}
    </section>
  );
}
