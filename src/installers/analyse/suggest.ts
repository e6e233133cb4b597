import { TruncatedError } from './byte-source';
import type { InstallerAnalysis, InstallerKind, Suggestion } from './types';

/** Collects suggestions from one source, skipping empty values so callers need no guards. */
export class Suggestions {
  readonly list: Suggestion[] = [];
  constructor(private readonly source: string) {}

  add(field: string, value: unknown, options: { target?: Suggestion['target']; certain?: boolean; source?: string } = {}): this {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return this;
    this.list.push({ field, value, target: options.target ?? 'installer', source: options.source ?? this.source, certain: options.certain ?? true });
    return this;
  }
}

const LABELS: Partial<Record<InstallerKind, string>> = { msi: 'MSI', msix: 'MSIX', appx: 'APPX', msixbundle: 'MSIX bundle', appxbundle: 'APPX bundle', exe: 'EXE', zip: 'zip' };

/** An analysis that failed; our own errors already read well, anything else (a decoder's) gets context. */
export function failed(kind: InstallerKind, error: unknown, partial: Partial<InstallerAnalysis> = {}): InstallerAnalysis {
  const detail = error instanceof Error ? error.message : String(error);
  const message = error instanceof TruncatedError ? detail : `The ${LABELS[kind] ?? 'file'} could not be read: ${detail}`;
  return { kind, suggestions: [], notes: [], ...partial, error: message };
}
