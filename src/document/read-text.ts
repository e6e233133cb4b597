/**
 * Reading the text of one file typed in the YAML view back into the model. Text that does not load (syntax,
 * nesting, control characters), declares another kind of file, or cannot be read at all leaves the model as it
 * was and says why; the text itself is always kept.
 */
import type { Finding } from '../core/findings';
import { clone } from '../core/model/installers';
import type { ManifestSet } from '../core/model/types';
import { readManifestFile } from '../core/read/read-file';
import type { DefaultLocaleManifest, InstallerManifest, LocaleManifest, VersionManifest } from '../core/schema';
import type { ManifestFileText } from './types';

export interface ReadText {
  /** Why the model did not follow the text; empty when it did. */
  parseFindings: Finding[];
  /** The model with this file's part replaced; undefined when the text could not be read. */
  set?: ManifestSet;
}

/** Index of the file's part among the locales, from its position in the files (version, installer, defaultLocale, …). */
function localeIndex(files: readonly ManifestFileText[], file: ManifestFileText): number {
  return files.filter((f) => f.kind === 'locale').indexOf(file);
}

export function readFileText(
  file: ManifestFileText,
  text: string,
  set: ManifestSet,
  files: readonly ManifestFileText[],
): ReadText {
  const parsed = readManifestFile({ name: file.name, data: text });
  if (parsed.yaml.loadFailed) return { parseFindings: parsed.yaml.findings };
  const at = (key: string) => parsed.yaml.locate(key ? [key] : []);
  const finding = (rule: string, message: string, key: string): Finding => ({
    severity: 'error',
    rule,
    message,
    file: file.name,
    ...at(key),
    field: key,
  });
  if (parsed.manifestType !== file.kind) {
    const message = `This is the ${file.kind} file: ManifestType must be ${file.kind}. The form keeps the last values it could read.`;
    return { parseFindings: [finding('document-manifest-type', message, 'ManifestType')] };
  }
  if (!parsed.value) {
    const message = `Wingsmith cannot read a ManifestVersion ${parsed.manifestVersion} file. The form keeps the last values it could read.`;
    return { parseFindings: [finding('document-unreadable', message, 'ManifestVersion')] };
  }
  const next = clone(set);
  const value = parsed.value;
  switch (file.kind) {
    case 'version':
      next.version = value as unknown as VersionManifest;
      break;
    case 'installer':
      next.installer = value as unknown as InstallerManifest;
      break;
    case 'defaultLocale':
      next.defaultLocale = value as unknown as DefaultLocaleManifest;
      break;
    case 'locale': {
      const index = localeIndex(files, file);
      if (index < 0) return { parseFindings: [] };
      next.locales[index] = value as unknown as LocaleManifest;
      break;
    }
  }
  return { parseFindings: [], set: next };
}
