/** `Add locale`: asks for a BCP-47 tag (checked as the client checks it) and whether to start from the default locale. */
import { useId, useRef, useState } from 'react';
import { isWellFormedBcp47 } from '../../core/validate/rules/bcp47';
import { useActions, useEditor } from '../../document/use-editor';

/** Why a tag cannot be added, or undefined when it can. */
export function localeTagProblem(tag: string, existing: readonly string[]): string | undefined {
  const trimmed = tag.trim();
  if (trimmed === '') return 'Enter a language tag such as fr-FR.';
  if (!isWellFormedBcp47(trimmed)) return `"${trimmed}" is not a well-formed BCP-47 language tag (e.g. fr-FR, de, zh-Hans-CN).`;
  if (existing.some((t) => t.toLowerCase() === trimmed.toLowerCase())) return `The package already has the locale ${trimmed}.`;
  return undefined;
}

export function AddLocale() {
  const actions = useActions();
  const tagsText = useEditor((s) =>
    [s.set.defaultLocale, ...s.set.locales].map((l) => String((l as { PackageLocale?: unknown }).PackageLocale ?? '')).join('\n'),
  );
  const [open, setOpen] = useState(false);
  const [tag, setTag] = useState('');
  const [copy, setCopy] = useState(true);
  const [problem, setProblem] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = () => {
    const issue = localeTagProblem(tag, tagsText.split('\n'));
    setProblem(issue);
    if (issue) {
      input.current?.focus();
      return;
    }
    actions.addLocale(tag.trim(), copy);
    setOpen(false);
    setTag('');
  };

  if (!open) {
    return (
      <button
        type="button"
        className="wf-button"
        onClick={() => {
          setOpen(true);
          setProblem(undefined);
          requestAnimationFrame(() => input.current?.focus());
        }}
      >
        Add locale
      </button>
    );
  }
  return (
    <div className="wf-add-locale" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="wf-add-locale-title">
        New locale
      </p>
      <div className="wf-field">
        <label htmlFor={`${id}-tag`} className="wf-label">
          Locale tag
        </label>
        <input
          id={`${id}-tag`}
          ref={input}
          className="wf-input"
          value={tag}
          placeholder="e.g. fr-FR"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          onChange={(event) => setTag(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              submit();
            } else if (event.key === 'Escape') setOpen(false);
          }}
        />
        <p id={`${id}-hint`} className="wf-help">
          The new file's PackageLocale: a BCP-47 language tag.
        </p>
        {problem && (
          <p id={`${id}-problem`} className="wf-message wf-message-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <label className="wf-choice">
        <input type="checkbox" checked={copy} onChange={(event) => setCopy(event.target.checked)} />
        Copy values from the default locale
      </label>
      <div className="wf-group-tools">
        <button type="button" className="wf-button wf-button-primary" onClick={submit}>
          Create locale
        </button>
        <button type="button" className="wf-button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
