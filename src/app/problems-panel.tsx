/**
 * Every problem of the last validation, once however many files it is in; choosing one goes to its field (form)
 * or its line (YAML). Each names its rule and whether winget itself or the community pipeline raises it. Below
 * them the To do list: required fields nobody has typed in yet, which become errors once the user edits them or
 * asks for an export or a pull request (src/document/todo.ts).
 */
import { memo, useId, useMemo, useState } from 'react';
import type { Finding } from '../core/findings';
import { groupProblems, isHintRule, labelOfRule, type Origin, type Problem } from '../core/validate/problems';
import { useActions, useEditor } from '../document/use-editor';
import { TodoList } from './todo-list';

type Shown = 'all' | Origin;

function where(finding: Finding): string {
  return finding.line > 0 ? `line ${finding.line}${finding.column > 0 ? `:${finding.column}` : ''}` : '';
}

const ORIGIN_LABEL: Record<Origin, string> = { winget: 'winget', community: 'winget-pkgs' };

const ProblemItem = memo(function ProblemItem({ problem, onSelect }: { problem: Problem; onSelect: (f: Finding) => void }) {
  const first = problem.findings[0]!;
  const files = problem.findings.map((f) => f.file || 'manifest');
  const position = problem.findings.length === 1 ? where(first) : '';
  const label = labelOfRule(problem.rule);
  return (
    <li className={`problem problem-${problem.severity}`}>
      <button type="button" className="problem-button" onClick={() => onSelect(first)} title={files.length > 1 ? files.join(', ') : undefined}>
        <span className="problem-severity">{problem.severity}</span>{' '}
        <span className="problem-file">{files.length > 1 ? `in ${files.length} files: ${files.join(', ')}` : files[0]}</span>{' '}
        {problem.field && <span className="problem-field">{problem.field}</span>}{' '}
        {position && <span className="problem-line">{position}</span>}
        <span className="problem-message">{problem.message}</span>
        <span className="problem-rule">{`${ORIGIN_LABEL[problem.origin]} · ${problem.rule}${isHintRule(problem.rule) ? ' · hint' : ''}${label ? ` · label ${label}` : ''}`}</span>
      </button>
    </li>
  );
});

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function ProblemsPanel() {
  const findings = useEditor((s) => s.findings);
  const todoFindings = useEditor((s) => s.todo);
  const { focusFinding } = useActions();
  const [shown, setShown] = useState<Shown>('all');
  const filterId = useId();
  const problems = useMemo(() => groupProblems(findings), [findings]);
  const allTodo = useMemo(() => groupProblems(todoFindings), [todoFindings]);
  const visible = shown === 'all' ? problems : problems.filter((p) => p.origin === shown);
  const todo = shown === 'all' ? allTodo : allTodo.filter((p) => p.origin === shown);
  const errors = visible.filter((p) => p.severity === 'error').length;
  const warnings = visible.length - errors;
  const counts = [visible.length === 0 ? '' : `${count(errors, 'error')}, ${count(warnings, 'warning')}`, todo.length === 0 ? '' : `${count(todo.length, 'field')} left`];
  return (
    <section className="problems" aria-label="Problems">
      <h2 className="problems-title">
        Problems <span className="problems-count">{counts.filter(Boolean).join(' · ')}</span>
      </h2>
      {problems.length + allTodo.length > 0 && (
        <div className="problems-filter">
          <label htmlFor={filterId}>Show</label>
          <select id={filterId} value={shown} onChange={(e) => setShown(e.target.value as Shown)}>
            <option value="all">All checks</option>
            <option value="winget">winget&apos;s own (winget validate)</option>
            <option value="community">The community repository&apos;s (winget-pkgs)</option>
          </select>
        </div>
      )}
      {visible.length === 0 ? (
        <p className="problems-none">{problems.length > 0 ? 'No problems of this kind' : allTodo.length > 0 ? 'Nothing wrong so far.' : 'No problems'}</p>
      ) : (
        <ul className="problems-list">
          {visible.map((problem, i) => {
            const first = problem.findings[0]!;
            return <ProblemItem key={`${i}|${first.file}|${problem.field}|${first.line}|${problem.rule}`} problem={problem} onSelect={focusFinding} />;
          })}
        </ul>
      )}
      {todo.length > 0 && <TodoList items={todo} onSelect={focusFinding} />}
    </section>
  );
}
