/**
 * The To do part of Problems: required fields still empty that nobody has typed in yet. Not a heading (Problems
 * keeps one), a labelled list; each item goes to its field like a problem does.
 */
import { memo, useId } from 'react';
import type { Finding } from '../core/findings';
import type { Problem } from '../core/validate/problems';

/** `Installers[0].InstallerUrl` → `InstallerUrl of Installer 1`: the words the form's groups use. */
function fieldLabel(field: string): string {
  const installer = /^Installers\[(\d+)\]\.(.+)$/.exec(field);
  return installer ? `${installer[2]} of Installer ${Number(installer[1]) + 1}` : field;
}

const TodoItem = memo(function TodoItem({ item, onSelect }: { item: Problem; onSelect: (f: Finding) => void }) {
  const files = item.findings.map((f) => f.file);
  return (
    <li className="problem problem-todo">
      <button type="button" className="problem-button" onClick={() => onSelect(item.findings[0]!)} title={files.join(', ')}>
        <span className="problem-severity">To do</span>{' '}
        <span className="problem-field">{fieldLabel(item.field)}</span>{' '}
        <span className="problem-file">{files.length > 1 ? `in ${files.length} files` : files[0]}</span>
      </button>
    </li>
  );
});

export function TodoList({ items, onSelect }: { items: readonly Problem[]; onSelect: (f: Finding) => void }) {
  const labelId = useId();
  return (
    <div className="todo">
      <p id={labelId} className="todo-title">
        To do <span className="problems-count">— {items.length} {items.length === 1 ? 'field' : 'fields'} left</span>
      </p>
      <p className="todo-hint">Required fields nobody has filled in yet. Each becomes an error once you have typed in it, or when you ask for Export zip or a pull request.</p>
      <ul className="problems-list" aria-labelledby={labelId}>
        {items.map((item) => (
          <TodoItem key={`${item.findings[0]!.file}|${item.field}|${item.rule}`} item={item} onSelect={onSelect} />
        ))}
      </ul>
    </div>
  );
}
