/**
 * Lists of plain values: Tags, Commands, FileExtensions, InstallerSuccessCodes, … as removable chips with an input
 * that adds on Enter; lists of enum values (InstallModes, Platform, …) as a group of checkboxes.
 */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { FieldEntry, ScalarNode } from '../../core/schema';
import { FieldFrame, describedBy, hasError } from './field-frame';
import { useListField } from './use-list-field';

interface ListFieldProps {
  entry: FieldEntry;
  item: ScalarNode;
  name: string;
  required: boolean;
}

export function ListField(props: ListFieldProps) {
  const choices = props.item.enum ?? (props.item.kind === 'boolean' ? ['true', 'false'] : undefined);
  return choices ? <ChoiceListField {...props} choices={choices} /> : <TextListField {...props} />;
}

function TextListField({ entry, item, name, required }: ListFieldProps) {
  const { id, messages, inheritance, field, items } = useListField(name);
  const [draft, setDraft] = useState('');

  const add = () => {
    const value = draft.trim();
    if (value === '') return;
    field.onChange([...items, value]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };
  const inherited = inheritance && !inheritance.overriding && inheritance.inherited;
  return (
    <FieldFrame entry={entry} id={id} required={required} messages={messages} inheritance={inheritance} wide>
      {items.length > 0 && (
        <ul className="wf-chips">
          {items.map((value, index) => (
            <li key={`${index}:${value}`} className="wf-chip">
              <span className="wf-chip-text">{value}</span>
              <button
                type="button"
                className="wf-chip-remove"
                aria-label={`Delete ${value}`}
                onClick={() => field.onChange(items.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="wf-add-row">
        <input
          id={id}
          ref={field.ref}
          className="wf-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          inputMode={item.kind === 'integer' ? 'numeric' : undefined}
          value={draft}
          placeholder={inherited ? `inherited: ${inherited}` : 'Type a value, then Enter'}
          aria-describedby={describedBy(id, entry, messages)}
          aria-invalid={hasError(messages) || undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // Leaving the box with text in it keeps the text as an item rather than dropping it silently.
            add();
            field.onBlur();
          }}
        />
        <button type="button" className="wf-button wf-button-small" onClick={add}>
          Add
        </button>
      </div>
    </FieldFrame>
  );
}

function ChoiceListField({ entry, name, required, choices }: ListFieldProps & { choices: readonly string[] }) {
  const { id, messages, inheritance, field, items: selected } = useListField(name);
  // Values outside the schema's list stay visible (and can be unticked) instead of vanishing.
  const options = [...choices, ...selected.filter((v) => !choices.includes(v))];
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...selected, value] : selected.filter((v) => v !== value);
    field.onChange(options.filter((v) => next.includes(v)));
  };
  return (
    <FieldFrame entry={entry} id={id} required={required} messages={messages} inheritance={inheritance} wide group>
      {inheritance && !inheritance.overriding && inheritance.inherited && (
        <p className="wf-inherited-note">inherited: {inheritance.inherited}</p>
      )}
      <div className="wf-choices">
        {options.map((value, index) => (
          <label key={value} className="wf-choice">
            <input
              type="checkbox"
              ref={index === 0 ? field.ref : undefined}
              aria-label={`${entry.name} ${value}`}
              checked={selected.includes(value)}
              aria-invalid={hasError(messages) || undefined}
              onChange={(event) => toggle(value, event.target.checked)}
              onBlur={field.onBlur}
            />
            {value}
          </label>
        ))}
      </div>
    </FieldFrame>
  );
}
