/**
 * Renders the fields of an object node, generically, from the field tree: the common ones up front, the rest
 * behind "More fields" (rendered only once opened, so a big manifest stays light), conditional ones only where
 * they apply.
 */
import { useEffect, useId, useState } from 'react';
import type { FieldEntry, ObjectNode } from '../../core/schema';
import { placement } from './field-layout';
import type { GroupKind } from './field-layout';
import { useEffectiveValue, useFieldScope } from './field-scope';
import { useFocusTarget } from './focus-target';
import { isBlank } from './form-model';
import { ListField } from './list-field';
import { ObjectArrayField, ObjectField } from './object-fields';
import { ScalarField } from './scalar-field';

export interface FieldProps {
  entry: FieldEntry;
  name: string;
  required: boolean;
}

export function Field({ entry, name, required }: FieldProps) {
  const node = entry.node;
  if (node.kind === 'object') return <ObjectField entry={entry} node={node} name={name} required={required} />;
  if (node.kind === 'array') {
    if (node.item.kind === 'object') return <ObjectArrayField entry={entry} item={node.item} name={name} required={required} />;
    if (node.item.kind === 'array') return null;
    return <ListField entry={entry} item={node.item} name={name} required={required} />;
  }
  return <ScalarField entry={entry} node={node} name={name} required={required} />;
}

export interface FieldListProps {
  node: ObjectNode;
  /** react-hook-form name of the object ('' for the form's root). */
  prefix: string;
  group: GroupKind;
  /** Keys shown up front (besides those the group kind always shows). */
  commonKeys?: ReadonlySet<string>;
  /** Keys edited elsewhere (e.g. PackageIdentifier, which the Package section edits for every file). */
  exclude?: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

export function joinName(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

export function FieldList({ node, prefix, group, commonKeys = NONE, exclude = NONE }: FieldListProps) {
  const { form, section } = useFieldScope();
  const get = useEffectiveValue();
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = useId();
  const common: FieldEntry[] = [];
  const more: FieldEntry[] = [];
  let moreSet = 0;
  for (const entry of node.fields) {
    if (exclude.has(entry.name)) continue;
    const hasValue = !isBlank(form.getValues(joinName(prefix, entry.name)));
    const where = placement(entry, group, commonKeys, get, hasValue);
    if (where === 'common') common.push(entry);
    else if (where === 'more') {
      more.push(entry);
      if (hasValue) moreSet += 1;
    }
  }

  // A Problems click on a field behind "More fields" opens it, so the field can take focus.
  const target = useFocusTarget();
  useEffect(() => {
    if (!target || target.section !== section) return;
    if (more.some((entry) => target.name === joinName(prefix, entry.name) || target.name.startsWith(`${joinName(prefix, entry.name)}.`))) {
      setMoreOpen(true);
    }
    // `more` is derived from the node on every render; the request itself is what should trigger this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, section, prefix]);

  const render = (entry: FieldEntry) => (
    <Field key={entry.name} entry={entry} name={joinName(prefix, entry.name)} required={node.required.includes(entry.name)} />
  );
  return (
    <>
      <div className="wf-grid">{common.map(render)}</div>
      {more.length > 0 && (
        <div className="wf-more">
          <button
            type="button"
            className="wf-more-toggle"
            aria-expanded={moreOpen}
            aria-controls={moreId}
            onClick={() => setMoreOpen((open) => !open)}
          >
            More fields
            <span className="wf-more-count">
              {` (${more.length}${moreSet > 0 ? `, ${moreSet} set` : ''})`}
            </span>
          </button>
          <div id={moreId} className="wf-grid" hidden={!moreOpen}>
            {moreOpen && more.map(render)}
          </div>
        </div>
      )}
    </>
  );
}
