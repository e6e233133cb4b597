/** What an installer's field inherits from `All installers`, kept current as either value changes. */
import { useWatch } from 'react-hook-form';
import type { Inheritance } from './field-frame';
import { useFieldScope } from './field-scope';
import { describeValue, isBlank } from './form-model';

/**
 * `blank` is what Reset writes: the empty value of the field's shape ('' or []), which the model drops, so the
 * installer falls back to the root value again.
 */
export function useInheritance(name: string, blank: unknown): Inheritance | undefined {
  const { control, form, inheritedName } = useFieldScope();
  const rootName = inheritedName?.(name);
  const [own, root] = useWatch({ control, name: [name, rootName ?? name], disabled: rootName === undefined }) as [
    unknown,
    unknown,
  ];
  if (rootName === undefined) return undefined;
  return {
    inherited: describeValue(root),
    overriding: !isBlank(own),
    onReset: () => form.setValue(name, blank, { shouldDirty: true }),
  };
}
