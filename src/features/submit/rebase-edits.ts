/**
 * Re-applying the user's edits when the pull request's branch moved: per file, whoever changed it since the
 * draft was loaded wins; a file both sides changed keeps the user's text and is named, so they decide before
 * anything is pushed.
 */
export interface FileText {
  path: string;
  text: string;
}

export interface Rebased {
  files: FileText[];
  /** Files both the user and the branch changed: the user's text is kept. */
  bothChanged: string[];
  /** Files only the branch changed: theirs were taken. */
  theirs: string[];
}

export function rebaseEdits(base: readonly FileText[], mine: readonly FileText[], theirs: readonly FileText[]): Rebased {
  const byPath = (files: readonly FileText[]) => new Map(files.map((f) => [f.path, f.text]));
  const [b, m, t] = [byPath(base), byPath(mine), byPath(theirs)];
  const files: FileText[] = [];
  const bothChanged: string[] = [];
  const taken: string[] = [];
  const paths = [...new Set([...t.keys(), ...m.keys(), ...b.keys()])].sort();
  for (const path of paths) {
    const [was, ours, remote] = [b.get(path), m.get(path), t.get(path)];
    let text: string | undefined;
    if (ours === was) {
      text = remote;
      if (remote !== was) taken.push(path);
    } else if (remote === was || remote === ours) {
      text = ours;
    } else {
      text = ours ?? remote;
      bothChanged.push(path);
    }
    if (text !== undefined) files.push({ path, text });
  }
  return { files, bothChanged, theirs: taken };
}
