/**
 * `All installers` (values at the installer file's root) and `Installer N` groups. An installer shows what it
 * inherits from the root while its own value is empty; typing overrides, "Reset to inherited" clears.
 */
import { memo, useCallback, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import type { UseFormReturn } from 'react-hook-form';
import type { ObjectNode } from '../../core/schema';
import { useInstallerSlots } from '../../document/installer-slots';
import { useFieldFindings } from './field-findings';
import { FieldList } from './field-list';
import { INSTALLER_COMMON_KEYS } from './field-layout';
import type { EffectiveValue } from './field-layout';
import { EffectiveValueContext, FieldScopeContext, controlId, installerInheritance } from './field-scope';
import type { FieldScope } from './field-scope';
import type { FormRecord } from './form-model';
import { MessageList } from './message-list';

/** Keys whose effective values decide which conditional fields show. */
const TYPE_KEYS = ['InstallerType', 'NestedInstallerType'] as const;

function useEffective(values: readonly unknown[]): EffectiveValue {
  const [type, nested] = values.map((v) => (typeof v === 'string' ? v : ''));
  return useCallback(
    (key: string) => (key === 'InstallerType' ? (type ?? '') : key === 'NestedInstallerType' ? (nested ?? '') : ''),
    [type, nested],
  );
}

interface RootGroupProps {
  form: UseFormReturn<FormRecord>;
  tree: ObjectNode;
  exclude: ReadonlySet<string>;
}

export const RootInstallerGroup = memo(function RootInstallerGroup({ form, tree, exclude }: RootGroupProps) {
  const values = useWatch({ control: form.control, name: [...TYPE_KEYS] });
  const effective = useEffective(values);
  const scope = useMemo<FieldScope>(() => ({ form, control: form.control, section: 'installer' }), [form]);
  return (
    <fieldset className="wf-group" id={controlId('installer', '')} tabIndex={-1}>
      <legend className="wf-group-legend">All installers</legend>
      <p className="wf-section-hint">Values here apply to every installer that does not set its own.</p>
      <EffectiveValueContext.Provider value={effective}>
        <FieldScopeContext.Provider value={scope}>
          <FieldList node={tree} prefix="" group="installerRoot" commonKeys={INSTALLER_COMMON_KEYS} exclude={exclude} />
        </FieldScopeContext.Provider>
      </EffectiveValueContext.Provider>
    </fieldset>
  );
});

export interface InstallerOps {
  move(from: number, to: number): void;
  duplicate(index: number): void;
  remove(index: number): void;
}

interface InstallerGroupProps {
  form: UseFormReturn<FormRecord>;
  item: ObjectNode;
  rootKeys: ReadonlySet<string>;
  index: number;
  count: number;
  ops: InstallerOps;
}

function GroupMessages({ path }: { path: string }) {
  return <MessageList messages={useFieldFindings('installer', path)} />;
}

export const InstallerGroup = memo(function InstallerGroup({ form, item, rootKeys, index, count, ops }: InstallerGroupProps) {
  const prefix = `Installers.${index}`;
  const [ownType, rootType, ownNested, rootNested, architecture] = useWatch({
    control: form.control,
    name: [`${prefix}.InstallerType`, 'InstallerType', `${prefix}.NestedInstallerType`, 'NestedInstallerType', `${prefix}.Architecture`],
  }) as unknown[];
  const effective = useEffective([ownType || rootType, ownNested || rootNested]);
  const scope = useMemo<FieldScope>(
    () => ({ form, control: form.control, section: 'installer', inheritedName: installerInheritance(prefix, rootKeys) }),
    [form, prefix, rootKeys],
  );
  const { Group: Extras } = useInstallerSlots();
  const summary = [architecture, effective('InstallerType')].filter((v) => typeof v === 'string' && v !== '').join(' · ');
  return (
    <fieldset className="wf-group wf-installer" id={controlId('installer', `Installers[${index}]`)} tabIndex={-1}>
      <legend className="wf-group-legend">{`Installer ${index + 1}`}</legend>
      <div className="wf-group-tools">
        {summary && (
          <span className="wf-group-summary" aria-hidden="true">
            {summary}
          </span>
        )}
        <button type="button" className="wf-button wf-button-small" disabled={index === 0} onClick={() => ops.move(index, index - 1)}>
          Move up
        </button>
        <button
          type="button"
          className="wf-button wf-button-small"
          disabled={index === count - 1}
          onClick={() => ops.move(index, index + 1)}
        >
          Move down
        </button>
        <button type="button" className="wf-button wf-button-small" onClick={() => ops.duplicate(index)}>
          Duplicate
        </button>
        <button type="button" className="wf-button wf-button-small" onClick={() => ops.remove(index)}>
          Remove
        </button>
      </div>
      <GroupMessages path={`Installers[${index}]`} />
      {Extras && <Extras index={index} />}
      <EffectiveValueContext.Provider value={effective}>
        <FieldScopeContext.Provider value={scope}>
          <FieldList node={item} prefix={prefix} group="installer" commonKeys={INSTALLER_COMMON_KEYS} />
        </FieldScopeContext.Provider>
      </EffectiveValueContext.Provider>
    </fieldset>
  );
});
