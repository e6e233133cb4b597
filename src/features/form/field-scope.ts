/**
 * What a field needs to know about where it sits: the form it registers with, the file section its findings come
 * from, and (inside an installer) which root-level value it inherits. Provided once per group and stable, so
 * fields read it without re-rendering.
 */
import { createContext, useContext } from 'react';
import type { Control, UseFormReturn } from 'react-hook-form';
import type { EffectiveValue } from './field-layout';
import type { SectionKey } from './field-findings';
import type { FormRecord } from './form-model';

export interface FieldScope {
  form: UseFormReturn<FormRecord>;
  control: Control<FormRecord>;
  section: SectionKey;
  /** The root-level name a field inherits from while it is empty (installers only). */
  inheritedName?: (name: string) => string | undefined;
}

export const FieldScopeContext = createContext<FieldScope | null>(null);

export function useFieldScope(): FieldScope {
  const scope = useContext(FieldScopeContext);
  if (!scope) throw new Error('A form field must sit inside a FieldScopeContext provider');
  return scope;
}

const NO_VALUES: EffectiveValue = () => '';

/** The effective InstallerType / NestedInstallerType where a field sits; changes re-render what depends on them. */
export const EffectiveValueContext = createContext<EffectiveValue>(NO_VALUES);

export function useEffectiveValue(): EffectiveValue {
  return useContext(EffectiveValueContext);
}

/** Names react-hook-form uses are dotted paths; ids must be unique and plain. */
export function controlId(section: SectionKey, name: string): string {
  return `wf-${section}-${name}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** For an installer at `prefix` (`Installers.3`): what each of its fields inherits, by the client's rules. */
export function installerInheritance(prefix: string, rootKeys: ReadonlySet<string>): (name: string) => string | undefined {
  const start = `${prefix}.`;
  return (name) => {
    if (!name.startsWith(start)) return undefined;
    const relative = name.slice(start.length);
    const parts = relative.split('.');
    // Values replace the root's as a whole, except InstallerSwitches, which merge switch by switch.
    if (parts.length === 1) return rootKeys.has(relative) ? relative : undefined;
    if (parts.length === 2 && parts[0] === 'InstallerSwitches' && rootKeys.has('InstallerSwitches')) return relative;
    return undefined;
  };
}
