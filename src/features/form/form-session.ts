/**
 * Ties the section forms to the document. Edits go out as `updateSet` recipes; the set they produce is
 * remembered, so when the model changes any other way without a new externalRevision (another feature's
 * `updateSet`, e.g. a hash landing in InstallerSha256) each section pulls in just the values that differ.
 */
import { createContext, useContext } from 'react';
import type { ManifestSet } from '../../core/model/types';
import type { DocumentActions, SetRecipe } from '../../document/types';
import type { SectionKey } from './field-findings';

export interface SectionHandle {
  /** Brings the form in line with the model, touching only fields whose values differ. */
  reconcile(set: ManifestSet): void;
}

export interface FormSession {
  edit(recipe: SetRecipe): void;
  register(section: SectionKey, handle: SectionHandle): () => void;
  /** Called with every model the store holds; acts only on models the form did not produce. */
  observe(set: ManifestSet, revision: number): void;
  /** After an edit: one section pulls values the store keeps in step across files (DefaultLocale, PackageLocale). */
  refresh(section: SectionKey): void;
}

export function createFormSession(actions: Pick<DocumentActions, 'updateSet'>): FormSession {
  const handles = new Map<SectionKey, SectionHandle>();
  let own: ManifestSet | undefined;
  let lastRevision: number | undefined;
  return {
    edit(recipe) {
      actions.updateSet((set) => {
        own = recipe(set);
        return own;
      });
    },
    register(section, handle) {
      handles.set(section, handle);
      return () => {
        if (handles.get(section) === handle) handles.delete(section);
      };
    },
    observe(set, revision) {
      const revisionChanged = lastRevision !== undefined && revision !== lastRevision;
      lastRevision = revision;
      // A new revision remounts the sections from the model, so there is nothing to reconcile.
      if (set === own || revisionChanged) return;
      own = set;
      for (const handle of handles.values()) handle.reconcile(set);
    },
    refresh(section) {
      if (own) handles.get(section)?.reconcile(own);
    },
  };
}

export const FormSessionContext = createContext<FormSession | null>(null);

export function useFormSession(): FormSession {
  const session = useContext(FormSessionContext);
  if (!session) throw new Error('Form sections must sit inside FormView');
  return session;
}
