/**
 * Fields the chosen ManifestVersion does not have are not rendered; when the model still holds some (typed in
 * YAML, imported), this notice lists them so that nothing is hidden silently. Validation reports them too.
 */
import { LATEST_MANIFEST_VERSION } from '../../core/manifest-version';
import type { ManifestSet } from '../../core/model/types';
import { fieldTree } from '../../core/schema';
import type { FieldNode, ManifestType } from '../../core/schema';
import type { EditorState } from '../../document/types';
import { useEditor } from '../../document/use-editor';
import { findingPath, isBlank, isRecord } from './form-model';
import type { Segment } from './form-model';

function collect(value: unknown, node: FieldNode, newest: FieldNode, path: Segment[], out: string[]): void {
  if (node.kind === 'array' && newest.kind === 'array' && Array.isArray(value)) {
    value.forEach((item, i) => collect(item, node.item, newest.item, [...path, i], out));
    return;
  }
  if (node.kind !== 'object' || newest.kind !== 'object' || !isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (isBlank(child)) continue;
    const lower = key.toLowerCase();
    const here = node.byLowerName.get(lower);
    const there = newest.byLowerName.get(lower);
    if (!here && there) out.push(findingPath([...path, key]));
    else if (here && there) collect(child, here.node, there.node, [...path, key], out);
  }
}

/** `file: path` of each field holding a value that this ManifestVersion does not define. */
export function fieldsMissingIn(set: ManifestSet, manifestVersion: string): string[] {
  const files: [ManifestType, string, unknown][] = [
    ['version', 'version', set.version],
    ['installer', 'installer', set.installer],
    ['defaultLocale', 'defaultLocale', set.defaultLocale],
    ...set.locales.map((l): [ManifestType, string, unknown] => [
      'locale',
      `locale ${String((l as { PackageLocale?: unknown }).PackageLocale ?? '')}`,
      l,
    ]),
  ];
  const out: string[] = [];
  for (const [type, label, value] of files) {
    const found: string[] = [];
    collect(value, fieldTree(type, manifestVersion), fieldTree(type, LATEST_MANIFEST_VERSION), [], found);
    out.push(...found.map((path) => `${label}: ${path}`));
  }
  return out;
}

// Worked out once per validation (debounced) rather than on every keystroke: validation reports these fields
// too, so the notice never needs to be ahead of it.
const listedByFindings = new WeakMap<readonly unknown[], string>();

function selectListed(s: EditorState): string {
  let listed = listedByFindings.get(s.findings);
  if (listed === undefined) {
    listed = fieldsMissingIn(s.set, s.manifestVersion).join('\n');
    listedByFindings.set(s.findings, listed);
  }
  return listed;
}

export function VersionNotice() {
  const manifestVersion = useEditor((s) => s.manifestVersion);
  const listed = useEditor(selectListed);
  if (listed === '') return null;
  return (
    <div className="wf-notice" role="note" aria-labelledby="wf-version-notice-title">
      <p id="wf-version-notice-title" className="wf-notice-title">
        {`Not in ManifestVersion ${manifestVersion}, so not shown here:`}
      </p>
      <ul>
        {listed.split('\n').map((line) => (
          <li key={line}>
            <code>{line}</code>
          </li>
        ))}
      </ul>
      <p className="wf-help">Choose a newer ManifestVersion to edit them, or remove them in the YAML view.</p>
    </div>
  );
}
