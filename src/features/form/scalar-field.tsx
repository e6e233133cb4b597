/**
 * One text, number, enum or yes/no field. Inputs are uncontrolled (registered with react-hook-form), so typing
 * re-renders nothing but this field's own inheritance badge when it has one.
 */
import { useState } from 'react';
import type { FieldEntry, ScalarNode } from '../../core/schema';
import { FieldFrame, describedBy, hasError } from './field-frame';
import { useFieldFindings, visibleMessages } from './field-findings';
import { isLongText } from './field-layout';
import { controlId, useFieldScope } from './field-scope';
import { findingPath, nameToSegments } from './form-model';
import { useInheritance } from './inheritance';

interface ScalarFieldProps {
  entry: FieldEntry;
  node: ScalarNode;
  /** react-hook-form name, e.g. `Installers.0.InstallerUrl`. */
  name: string;
  required: boolean;
}

const BOOLEAN_VALUES = ['true', 'false'] as const;

function emptyChoiceLabel(inherited: string | undefined): string {
  return inherited ? `inherited: ${inherited}` : '(not set)';
}

export function ScalarField({ entry, node, name, required }: ScalarFieldProps) {
  const { form, section } = useFieldScope();
  const path = findingPath(nameToSegments(name));
  const id = controlId(section, path);
  const [visited, setVisited] = useState(false);
  const filled = String(form.getValues(name) ?? '') !== '';
  const messages = visibleMessages(useFieldFindings(section, path), visited, filled);
  const inheritance = useInheritance(name, '');
  const registration = form.register(name);
  const inherited = inheritance && !inheritance.overriding ? inheritance.inherited : undefined;
  const common = {
    id,
    'aria-describedby': describedBy(id, entry, messages),
    'aria-invalid': hasError(messages) || undefined,
    'aria-required': required || undefined,
    ...registration,
    onFocus: () => setVisited(true),
  };
  const choices = node.kind === 'boolean' ? BOOLEAN_VALUES : node.enum;
  let control;
  if (choices) {
    // A value outside the schema's list (imported, or typed in YAML) stays selectable so it is not lost on render.
    const current = form.getValues(name);
    const stray = typeof current === 'string' && current !== '' && !choices.includes(current) ? current : undefined;
    control = (
      <select className="wf-input" {...common}>
        <option value="">{emptyChoiceLabel(inherited)}</option>
        {choices.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
        {stray !== undefined && <option value={stray}>{`${stray} (not allowed)`}</option>}
      </select>
    );
  } else if (isLongText(entry.name)) {
    control = <textarea className="wf-input wf-textarea" rows={4} placeholder={inherited ? `inherited: ${inherited}` : undefined} {...common} />;
  } else {
    control = (
      <input
        className="wf-input"
        type="text"
        spellCheck={false}
        autoComplete="off"
        inputMode={node.kind === 'integer' ? 'numeric' : entry.name.endsWith('Url') ? 'url' : undefined}
        placeholder={inherited ? `inherited: ${inherited}` : undefined}
        {...common}
      />
    );
  }
  return (
    <FieldFrame
      entry={entry}
      id={id}
      required={required}
      messages={messages}
      inheritance={inheritance}
      wide={isLongText(entry.name)}
    >
      {control}
    </FieldFrame>
  );
}
