/**
 * The Form view: every field of the chosen ManifestVersion, in sections that mirror the files. Sections mount
 * from the model and remount when externalRevision changes (a YAML edit, an import, a new draft); between
 * those, the form is the source of edits and the model follows field by field.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ManifestSet } from '../../core/model/types';
import type { EditorState } from '../../document/types';
import { useActions, useEditor } from '../../document/use-editor';
import { AddLocale } from './add-locale';
import { controlId } from './field-scope';
import { useFocusTarget } from './focus-target';
import { FormSessionContext, createFormSession } from './form-session';
import type { FormSession } from './form-session';
import { findingPath, nameToSegments } from './form-model';
import { InstallersSection } from './installers-section';
import { DefaultLocaleGroup, LocaleGroup } from './locale-groups';
import { PackageSection } from './package-section';
import { VersionNotice } from './version-notice';
import './form.css';

interface Base {
  /** Changes when the sections must remount from the model. */
  key: string;
  set: ManifestSet;
  localeCount: number;
  manifestVersion: string;
}

/**
 * The model as of the last external change (or locale added/removed). While another view is shown the revision
 * is not followed, so a hidden form does not rebuild on every YAML keystroke; it catches up when shown.
 */
function createBaseSelector(): (s: EditorState) => Base {
  let revision: number | undefined;
  let base: Base | undefined;
  return (s) => {
    if (revision === undefined || s.view === 'form') revision = s.externalRevision;
    const key = `${revision}|${s.manifestVersion}`;
    const localeCount = s.set.locales.length;
    if (!base || base.key !== key || base.localeCount !== localeCount) {
      base = { key, set: s.set, localeCount, manifestVersion: s.manifestVersion };
    }
    return base;
  };
}

/** Lets the session see every model, to pull in changes the form did not make. */
function ModelWatcher({ session }: { session: FormSession }) {
  const set = useEditor((s) => s.set);
  const revision = useEditor((s) => s.externalRevision);
  useEffect(() => session.observe(set, revision), [session, set, revision]);
  return null;
}

/** Moves focus to the control a Problems click asks for, once it is rendered (it may sit behind "More fields"). */
function FocusFollower() {
  const target = useFocusTarget();
  useEffect(() => {
    if (!target) return;
    const ids = [controlId(target.section, findingPath(nameToSegments(target.name)))];
    // Fall back to the closest enclosing thing that exists: a row, an installer, the section.
    const segments = nameToSegments(target.name);
    for (let n = segments.length - 1; n >= 0; n--) ids.push(controlId(target.section, findingPath(segments.slice(0, n))));
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const element = ids.map((id) => document.getElementById(id)).find((e) => e !== null);
      const exact = element?.id === ids[0];
      if (element && (exact || frames >= 10)) {
        element.scrollIntoView?.({ block: 'center' });
        element.focus({ preventScroll: true });
        return;
      }
      frames += 1;
      handle = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(handle);
  }, [target]);
  return null;
}

export function FormView() {
  const actions = useActions();
  const [session] = useState(() => createFormSession(actions));
  const selectBase = useMemo(createBaseSelector, []);
  const base = useEditor(selectBase);
  const { set, manifestVersion } = base;
  const mountKey = base.key;
  return (
    <FormSessionContext.Provider value={session}>
      <div className="wf-form">
        <ModelWatcher session={session} />
        <FocusFollower />
        <VersionNotice />
        <PackageSection key={`package|${mountKey}`} set={set} manifestVersion={manifestVersion} />
        <section className="wf-section" aria-labelledby="wf-heading-locales">
          <h2 id="wf-heading-locales" className="wf-section-title">
            Locales
          </h2>
          <DefaultLocaleGroup key={`default|${mountKey}`} set={set} manifestVersion={manifestVersion} />
          {set.locales.map((_, index) => (
            <LocaleGroup
              key={`locale|${mountKey}|${base.localeCount}|${index}`}
              set={set}
              index={index}
              manifestVersion={manifestVersion}
            />
          ))}
          <div className="wf-section-actions">
            <AddLocale />
          </div>
        </section>
        <InstallersSection key={`installers|${mountKey}`} set={set} manifestVersion={manifestVersion} />
      </div>
    </FormSessionContext.Provider>
  );
}
