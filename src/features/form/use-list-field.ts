import { useController } from 'react-hook-form';
import { useFieldFindings } from './field-findings';
import { controlId, useFieldScope } from './field-scope';
import { findingPath, nameToSegments } from './form-model';
import { useInheritance } from './inheritance';

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** What every list field starts from: its control id, findings, inheritance, react-hook-form field and items. */
export function useListField(name: string) {
  const { control, section } = useFieldScope();
  const path = findingPath(nameToSegments(name));
  const id = controlId(section, path);
  const messages = useFieldFindings(section, path);
  const inheritance = useInheritance(name, []);
  const { field } = useController({ control, name });
  return { id, messages, inheritance, field, items: asList(field.value) };
}
