/** The field a focus request (e.g. a click in Problems) points at, in form terms. */
import { useMemo } from 'react';
import type { EditorState, FocusRequest } from '../../document/types';
import { useEditor } from '../../document/use-editor';
import { findingTarget } from './field-findings';
import type { SectionKey } from './field-findings';
import { findingPathToName } from './form-model';

export interface FocusTarget {
  section: SectionKey;
  /** react-hook-form name inside the section's form ('' for the section itself). */
  name: string;
  seq: number;
}

// One answer per request: many field lists ask on every store change while a request is current.
const encodedTargets = new WeakMap<FocusRequest, string>();

function encodeTarget(s: EditorState): string {
  if (!s.focus || s.view !== 'form') return '';
  let encoded = encodedTargets.get(s.focus);
  if (encoded === undefined) {
    const target = findingTarget(s.files, s.focus);
    encoded = target ? JSON.stringify({ section: target.section, name: findingPathToName(target.field), seq: s.focus.seq }) : '';
    encodedTargets.set(s.focus, encoded);
  }
  return encoded;
}

export function useFocusTarget(): FocusTarget | undefined {
  const encoded = useEditor(encodeTarget);
  return useMemo(() => (encoded ? (JSON.parse(encoded) as FocusTarget) : undefined), [encoded]);
}
