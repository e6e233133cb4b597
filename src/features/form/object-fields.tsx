/**
 * Nested mappings (InstallerSwitches, Dependencies, InstallationMetadata, …) as fieldsets, and lists of mappings
 * (AppsAndFeaturesEntries, ExpectedReturnCodes, Agreements, NestedInstallerFiles, …) as numbered row groups with
 * add and remove, each row rendered from the field tree like everything else.
 */
import { useFieldArray } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import type { FieldEntry, ObjectNode } from '../../core/schema';
import { FieldFrame } from './field-frame';
import { useFieldFindings } from './field-findings';
import { FieldList } from './field-list';
import { controlId, useFieldScope } from './field-scope';
import { findingPath, nameToSegments, toFormValue } from './form-model';
import type { FormRecord, RowsRecord } from './form-model';
import { useInheritance } from './inheritance';
import { MessageList } from './message-list';

interface ObjectFieldProps {
  entry: FieldEntry;
  node: ObjectNode;
  name: string;
  required: boolean;
}

export function ObjectField({ entry, node, name, required }: ObjectFieldProps) {
  const { section } = useFieldScope();
  const path = findingPath(nameToSegments(name));
  const id = controlId(section, path);
  const messages = useFieldFindings(section, path);
  const inheritance = useInheritance(name, toFormValue(node, undefined));
  return (
    <FieldFrame entry={entry} id={id} required={required} messages={messages} inheritance={inheritance} wide group>
      <FieldList node={node} prefix={name} group="nested" />
    </FieldFrame>
  );
}

interface ObjectArrayFieldProps {
  entry: FieldEntry;
  item: ObjectNode;
  name: string;
  required: boolean;
}

export function ObjectArrayField({ entry, item, name, required }: ObjectArrayFieldProps) {
  const { control, section } = useFieldScope();
  const path = findingPath(nameToSegments(name));
  const id = controlId(section, path);
  const messages = useFieldFindings(section, path);
  const inheritance = useInheritance(name, []);
  const { fields, append, remove } = useFieldArray({ control: control as unknown as Control<RowsRecord>, name });
  return (
    <FieldFrame entry={entry} id={id} required={required} messages={messages} inheritance={inheritance} wide group>
      {inheritance && !inheritance.overriding && inheritance.inherited && (
        <p className="wf-inherited-note">inherited from All installers: {inheritance.inherited}</p>
      )}
      {fields.map((row, index) => (
        <Row key={row.id} entry={entry} item={item} name={`${name}.${index}`} index={index} onRemove={() => remove(index)} />
      ))}
      <button
        type="button"
        className="wf-button wf-button-small"
        onClick={() => append(toFormValue(item, undefined) as FormRecord)}
      >
        Add {entry.name} row
      </button>
    </FieldFrame>
  );
}

interface RowProps {
  entry: FieldEntry;
  item: ObjectNode;
  name: string;
  index: number;
  onRemove: () => void;
}

function Row({ entry, item, name, index, onRemove }: RowProps) {
  const { section } = useFieldScope();
  const path = findingPath(nameToSegments(name));
  const messages = useFieldFindings(section, path);
  const legend = `${entry.name} ${index + 1}`;
  return (
    <fieldset className="wf-row" id={controlId(section, path)} tabIndex={-1}>
      <legend className="wf-row-legend">{legend}</legend>
      <button type="button" className="wf-button wf-button-small wf-row-remove" onClick={onRemove}>
        Remove
      </button>
      <MessageList messages={messages} />
      <FieldList node={item} prefix={name} group="nested" />
    </fieldset>
  );
}
