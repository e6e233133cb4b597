/**
 * The parts around every control: the manifest key as its label (the accessible name is exactly the key, so
 * `getByLabel('PackageIdentifier', { exact: true })` always works), a friendlier name beside it, the schema
 * description as help, what it inherits, and the findings validation has for it.
 */
import type { ReactNode } from 'react';
import type { FieldEntry } from '../../core/schema';
import { friendlyName } from './field-layout';
import type { FieldMessage } from './field-findings';
import { MessageList } from './message-list';

export interface Inheritance {
  /** The root-level value shown while this one is empty ('' when the root has none). */
  inherited: string;
  /** This installer sets its own value. */
  overriding: boolean;
  onReset: () => void;
}

export interface FrameProps {
  entry: FieldEntry;
  id: string;
  required: boolean;
  messages: readonly FieldMessage[];
  inheritance?: Inheritance | undefined;
  /** Lists, rows and long text take the whole width of the group. */
  wide?: boolean;
  /** Render as fieldset/legend (for controls made of several inputs); otherwise a label for `id`. */
  group?: boolean;
  children: ReactNode;
}

/** The ids that describe a control: friendly name, help, then messages (when there are any). */
export function describedBy(id: string, entry: FieldEntry, messages: readonly FieldMessage[]): string {
  const ids = hasFriendlyName(entry.name) ? [`${id}-friendly`] : [];
  if (entry.description) ids.push(`${id}-help`);
  if (messages.length > 0) ids.push(`${id}-msg`);
  return ids.join(' ');
}

/** Worth showing only when it says more than the key ("Scope" needs no "Scope" beside it). */
function hasFriendlyName(key: string): boolean {
  return friendlyName(key).toLowerCase() !== key.toLowerCase();
}

export function hasError(messages: readonly FieldMessage[]): boolean {
  return messages.some((m) => m.severity === 'error');
}

function InheritanceNote({ inheritance }: { inheritance: Inheritance }) {
  if (inheritance.inherited === '') return null;
  if (!inheritance.overriding) return <span className="wf-tag wf-tag-inherited">inherited</span>;
  return (
    <>
      <span className="wf-tag wf-tag-override" title={`All installers: ${inheritance.inherited}`}>
        overrides
      </span>
      <button type="button" className="wf-link" onClick={inheritance.onReset}>
        Reset to inherited
      </button>
    </>
  );
}

export function FieldFrame({ entry, id, required, messages, inheritance, wide, group, children }: FrameProps) {
  const heading = <span className="wf-key">{entry.name}</span>;
  const meta = (
    <span className="wf-meta">
      {hasFriendlyName(entry.name) && (
        <span id={`${id}-friendly`} className="wf-friendly">
          {friendlyName(entry.name)}
        </span>
      )}
      {required && (
        <span className="wf-required" title="Required">
          <span aria-hidden="true">*</span>
          <span className="wf-sr-only"> required</span>
        </span>
      )}
      {inheritance && <InheritanceNote inheritance={inheritance} />}
    </span>
  );
  const after = (
    <>
      {entry.description && (
        <p id={`${id}-help`} className="wf-help">
          {entry.description}
        </p>
      )}
      <MessageList messages={messages} id={`${id}-msg`} />
    </>
  );
  const className = `wf-field${wide ? ' wf-wide' : ''}${hasError(messages) ? ' wf-invalid' : ''}`;
  if (group) {
    return (
      <fieldset
        id={id}
        tabIndex={-1}
        className={`${className} wf-field-group`}
        aria-describedby={describedBy(id, entry, messages)}
      >
        <legend className="wf-label">{heading}</legend>
        {meta}
        {children}
        {after}
      </fieldset>
    );
  }
  return (
    <div className={className}>
      <div className="wf-label-row">
        <label htmlFor={id} className="wf-label">
          {heading}
        </label>
        {meta}
      </div>
      {children}
      {after}
    </div>
  );
}
