/** The installer file as a form: `All installers`, then `Installer 1`, `Installer 2`, … with add, duplicate, remove, move. */
import { memo, useEffect, useMemo, useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import type { ManifestSet } from '../../core/model/types';
import { fieldTree } from '../../core/schema';
import { useInstallerSlots } from '../../document/installer-slots';
import type { ObjectNode } from '../../core/schema';
import { FILE_KEYS } from './field-layout';
import { setIn, toFormValue } from './form-model';
import type { FormRecord, RowsRecord } from './form-model';
import { useFormSession } from './form-session';
import { InstallerGroup, RootInstallerGroup } from './installer-group';
import type { InstallerOps } from './installer-group';
import { useSectionForm } from './use-section-form';

/** Root keys that are not installer values: the Package section edits them, or they are the list itself. */
const NOT_INHERITED = new Set([...FILE_KEYS, 'Channel', 'Installers']);

interface InstallerTrees {
  tree: ObjectNode;
  item: ObjectNode;
  rootKeys: ReadonlySet<string>;
}

export function installerTrees(manifestVersion: string): InstallerTrees {
  const tree = fieldTree('installer', manifestVersion);
  const list = tree.fields.find((f) => f.name === 'Installers')?.node;
  if (list?.kind !== 'array' || list.item.kind !== 'object') throw new Error('The installer schema has no Installers list');
  const rootKeys = new Set(tree.fields.map((f) => f.name).filter((name) => !NOT_INHERITED.has(name)));
  return { tree, item: list.item, rootKeys };
}

interface InstallersSectionProps {
  set: ManifestSet;
  manifestVersion: string;
}

export const InstallersSection = memo(function InstallersSection({ set, manifestVersion }: InstallersSectionProps) {
  const session = useFormSession();
  const { tree, item, rootKeys } = useMemo(() => installerTrees(manifestVersion), [manifestVersion]);
  const form = useSectionForm({
    section: 'installer',
    tree,
    modelOf: (s) => s.installer,
    initialSet: set,
    onChange: (segments, value) => session.edit((s) => setIn(s, ['installer', ...segments], value)),
  });
  const { fields, append, insert, move, remove } = useFieldArray({ control: form.control as unknown as Control<RowsRecord>, name: 'Installers' });

  // Stable for the memoised groups; reads the latest field-array functions when called.
  const latest = useRef({ insert, move, remove });
  useEffect(() => {
    latest.current = { insert, move, remove };
  });
  const ops = useMemo<InstallerOps>(
    () => ({
      move: (from, to) => latest.current.move(from, to),
      duplicate: (index) => {
        const copy = JSON.parse(JSON.stringify(form.getValues(`Installers.${index}`) ?? {})) as FormRecord;
        latest.current.insert(index + 1, copy);
      },
      remove: (index) => latest.current.remove(index),
    }),
    [form],
  );
  const exclude = NOT_INHERITED;
  const { Section: Extras } = useInstallerSlots();
  return (
    <section className="wf-section" aria-labelledby="wf-heading-installers">
      <h2 id="wf-heading-installers" className="wf-section-title">
        Installers
      </h2>
      <RootInstallerGroup form={form} tree={tree} exclude={exclude} />
      {fields.map((field, index) => (
        <InstallerGroup key={field.id} form={form} item={item} rootKeys={rootKeys} index={index} count={fields.length} ops={ops} />
      ))}
      <div className="wf-section-actions">
        <button
          type="button"
          className="wf-button"
          onClick={() => append(toFormValue(item, undefined) as FormRecord, { shouldFocus: false })}
        >
          Add installer
        </button>
        {Extras && <Extras />}
      </div>
    </section>
  );
});
