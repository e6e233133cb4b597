/**
 * One react-hook-form instance per section of the form (Package, each locale file, the installer file). Inputs
 * are uncontrolled; a single watch subscription turns each change into a model value for just that path, so a
 * keystroke costs one conversion and one `updateSet`, and re-renders nothing but what watches that path.
 * A section mounts with the model's values and remounts when externalRevision changes (see FormView).
 */
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import type { UseFormReturn } from 'react-hook-form';
import { deepEqual } from '../../core/model/installers';
import type { ManifestSet } from '../../core/model/types';
import type { FieldNode, ObjectNode } from '../../core/schema';
import type { SectionKey } from './field-findings';
import { useFormSession } from './form-session';
import { fromFormValue, isRecord, nameToSegments, nodeAt, toFormValue } from './form-model';
import type { FormRecord, Segment } from './form-model';

/** A change as the model sees it: where (path segments in the section's object) and the converted value. */
export type SectionChange = (segments: Segment[], value: unknown) => void;

export interface SectionFormOptions {
  section: SectionKey;
  tree: ObjectNode;
  /** The section's values in model form, read from a set (also used to reconcile with later models). */
  modelOf: (set: ManifestSet) => unknown;
  initialSet: ManifestSet;
  onChange: SectionChange;
}

const join = (prefix: string, key: string | number) => (prefix === '' ? String(key) : `${prefix}.${key}`);

/** Walks model and form together and sets only what differs, so focus and caret in other fields stay put. */
function reconcile(form: UseFormReturn<FormRecord>, node: FieldNode, model: unknown, name: string): void {
  const want = toFormValue(node, model);
  const have: unknown = name === '' ? form.getValues() : form.getValues(name);
  if (deepEqual(want, have)) return;
  if (node.kind === 'object' && isRecord(have)) {
    const source = isRecord(model) ? model : {};
    for (const field of node.fields) reconcile(form, field.node, source[field.name], join(name, field.name));
    return;
  }
  const rows = node.kind === 'array' && node.item.kind === 'object' && Array.isArray(have) && Array.isArray(model);
  if (rows && have.length === model.length) {
    model.forEach((row, index) => reconcile(form, node.item, row, join(name, index)));
    return;
  }
  form.setValue(name, want);
}

export function useSectionForm({ section, tree, modelOf, initialSet, onChange }: SectionFormOptions): UseFormReturn<FormRecord> {
  const form = useForm<FormRecord>({ defaultValues: toFormValue(tree, modelOf(initialSet)) as FormRecord });
  const session = useFormSession();
  const muted = useRef(false);
  const latest = useRef({ tree, modelOf, onChange });
  useEffect(() => {
    latest.current = { tree, modelOf, onChange };
  });

  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (!name || muted.current) return;
      const segments = nameToSegments(name);
      const node = nodeAt(latest.current.tree, segments);
      const raw = form.getValues(name);
      const value = node ? fromFormValue(node, raw, typeof segments.at(-1) === 'number') : raw;
      latest.current.onChange(segments, value);
    });
    return () => subscription.unsubscribe();
  }, [form]);

  useEffect(
    () =>
      session.register(section, {
        reconcile(set) {
          muted.current = true;
          try {
            reconcile(form, latest.current.tree, latest.current.modelOf(set), '');
          } finally {
            muted.current = false;
          }
        },
      }),
    [form, session, section],
  );
  return form;
}
