/**
 * The locale files: `Default locale` (the defaultLocale file) and one `Locale <tag>` group per other locale, each
 * its own small form rendered from its file's field tree.
 */
import { memo, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import type { ManifestSet } from '../../core/model/types';
import { fieldTree } from '../../core/schema';
import { useActions } from '../../document/use-editor';
import { FieldList } from './field-list';
import { FILE_KEYS, localeCommonKeys } from './field-layout';
import { FieldScopeContext, controlId } from './field-scope';
import type { FieldScope } from './field-scope';
import { setIn } from './form-model';
import { useFormSession } from './form-session';
import { useSectionForm } from './use-section-form';

interface DefaultLocaleGroupProps {
  set: ManifestSet;
  manifestVersion: string;
}

export const DefaultLocaleGroup = memo(function DefaultLocaleGroup({ set, manifestVersion }: DefaultLocaleGroupProps) {
  const session = useFormSession();
  const tree = fieldTree('defaultLocale', manifestVersion);
  const form = useSectionForm({
    section: 'defaultLocale',
    tree,
    modelOf: (s) => s.defaultLocale,
    initialSet: set,
    onChange: (segments, value) => {
      session.edit((s) => setIn(s, ['defaultLocale', ...segments], value));
      if (segments[0] === 'PackageLocale') session.refresh('version');
    },
  });
  const scope = useMemo<FieldScope>(() => ({ form, control: form.control, section: 'defaultLocale' }), [form]);
  return (
    <fieldset className="wf-group" id={controlId('defaultLocale', '')} tabIndex={-1}>
      <legend className="wf-group-legend">Default locale</legend>
      <p className="wf-section-hint">What people see about the package in its default language.</p>
      <FieldScopeContext.Provider value={scope}>
        <FieldList node={tree} prefix="" group="locale" commonKeys={localeCommonKeys(tree)} exclude={FILE_KEYS} />
      </FieldScopeContext.Provider>
    </fieldset>
  );
});

interface LocaleGroupProps {
  set: ManifestSet;
  index: number;
  manifestVersion: string;
}

export const LocaleGroup = memo(function LocaleGroup({ set, index, manifestVersion }: LocaleGroupProps) {
  const session = useFormSession();
  const actions = useActions();
  const tree = fieldTree('locale', manifestVersion);
  const section = `locale#${index}`;
  const form = useSectionForm({
    section,
    tree,
    modelOf: (s) => s.locales[index],
    initialSet: set,
    onChange: (segments, value) => session.edit((s) => setIn(s, ['locales', index, ...segments], value)),
  });
  const scope = useMemo<FieldScope>(() => ({ form, control: form.control, section }), [form, section]);
  const tag = String(useWatch({ control: form.control, name: 'PackageLocale' }) ?? '');
  // The default locale's required fields are the ones worth translating first.
  const common = useMemo(() => localeCommonKeys(fieldTree('defaultLocale', manifestVersion)), [manifestVersion]);
  return (
    <fieldset className="wf-group" id={controlId(section, '')} tabIndex={-1}>
      <legend className="wf-group-legend">{`Locale ${tag}`}</legend>
      <div className="wf-group-tools">
        <button type="button" className="wf-button wf-button-small" onClick={() => actions.removeLocale(tag)}>
          Remove
        </button>
      </div>
      <FieldScopeContext.Provider value={scope}>
        <FieldList node={tree} prefix="" group="locale" commonKeys={common} exclude={FILE_KEYS} />
      </FieldScopeContext.Provider>
    </fieldset>
  );
});
