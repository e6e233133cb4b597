/**
 * "No draft in progress": the current draft is exactly what New manifest makes, and nothing was edited since it
 * opened. Judged on the files' texts, which every edit, import and YAML keystroke changes (a comment typed in the
 * YAML view too), against a fresh set at the draft's ManifestVersion, so picking another version alone is no
 * work; `edited` keeps a value typed and erased again from counting as untouched.
 */
import type { WritableManifestVersion } from '../core/manifest-version';
import { writeFiles } from './file-texts';
import { emptySet } from './set-edits';
import type { EditorState, ManifestFileText } from './types';

const fresh = new Map<string, readonly ManifestFileText[]>();

function freshFiles(manifestVersion: WritableManifestVersion): readonly ManifestFileText[] {
  let files = fresh.get(manifestVersion);
  if (!files) {
    files = writeFiles(emptySet(manifestVersion), manifestVersion);
    fresh.set(manifestVersion, files);
  }
  return files;
}

export function isUntouchedDraft(state: Pick<EditorState, 'files' | 'manifestVersion' | 'edited' | 'pullRequest'>): boolean {
  if (state.edited || state.pullRequest) return false;
  const expected = freshFiles(state.manifestVersion);
  return state.files.length === expected.length && state.files.every((f, i) => f.name === expected[i]!.name && f.text === expected[i]!.text);
}
