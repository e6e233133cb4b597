import type { FieldPath, Finding, Severity } from '../core/findings';
import type { WritableManifestVersion } from '../core/manifest-version';
import type { ManifestSet } from '../core/model/types';
import type { LinkedPullRequest } from '../core/repo/pull-request-link';

export type ViewName = 'form' | 'yaml' | 'preview';

/** One file of the set as the YAML view shows it. */
export interface ManifestFileText {
  /** `version`, `installer`, `defaultLocale`, or `locale:<tag>`; stable while the file exists. */
  key: string;
  kind: 'version' | 'installer' | 'defaultLocale' | 'locale';
  /** File name, e.g. `Foo.Bar.installer.yaml`. */
  name: string;
  /** The text the user sees and edits. In canonical style unless the user typed it (comments kept). */
  text: string;
  /** YAML that does not parse: the text is kept, the model is left as it was, these say where it broke. */
  parseFindings: Finding[];
}

/** Where a Problems click (or anything else) asks the views to go. */
export interface FocusRequest {
  /** File name of the finding (maps to a YAML tab). */
  file: string;
  /** Field path in that file, e.g. `Installers[1].InstallerUrl`. */
  field: string;
  line: number;
  column: number;
  /** Increments so the same target can be requested twice. */
  seq: number;
}

export interface EditorState {
  draftId: string;
  draftName: string;
  manifestVersion: WritableManifestVersion;
  /** The package version being edited, in file layout (root installer values + per-installer values). */
  set: ManifestSet;
  files: ManifestFileText[];
  /**
   * Findings of the last validation of `files` (core `validateManifest`, the same the CLI runs), without the To do
   * items: errors that only say a required field the user has not edited yet is empty (see todo.ts).
   */
  findings: Finding[];
  /** The held-back "required field missing" findings; empty once the user asked for an export or a pull request. */
  todo: Finding[];
  /** True once any value of this draft was edited since it opened (form, YAML, a feature's fill). */
  edited: boolean;
  view: ViewName;
  /** YAML tab shown, by file key. */
  activeFileKey: string;
  focus?: FocusRequest;
  /** Bumped on changes that did not come from the form (YAML edits, imports, new draft): the form resets from `set`. */
  externalRevision: number;
  /** The open pull request this draft edits, when it was loaded from one. */
  pullRequest?: LinkedPullRequest;
}

export type SetRecipe = (set: ManifestSet) => ManifestSet;

/** A finding a feature raises about the document from outside its files (see session-findings.ts). */
export interface SessionFinding {
  severity: Severity;
  rule: string;
  message: string;
  /** The file it concerns, by key (`installer`, `locale:fr-FR`, …), and the field path in that file. */
  fileKey: string;
  path: FieldPath;
}

export interface DocumentActions {
  /** A form edit: the model changes, the YAML of the files that changed follows (comments kept), findings refresh. */
  updateSet(recipe: SetRecipe): void;
  /** A YAML edit: kept verbatim; when it parses, the model and the form follow. */
  setFileText(key: string, text: string): void;
  /** Import a set (or a singleton, converted) from files; returns findings that stopped the import, if any. */
  importFiles(files: { name: string; data: Uint8Array | string }[]): { ok: boolean; findings: Finding[] };
  /** Replaces this draft's files with these (same draft, same link): a reloaded pull request with the user's edits re-applied. */
  replaceFiles(files: { name: string; data: Uint8Array | string }[]): { ok: boolean; findings: Finding[] };
  newManifest(): void;
  /** The user asked for an export or a pull request: every To do item becomes the error it is, for this draft. */
  revealTodo(): void;
  /** Links the draft to the pull request it edits (after Load or a push), or unlinks it. */
  linkPullRequest(link: LinkedPullRequest | undefined): void;
  /** Replaces the session findings of one source (e.g. `installer-hashes`); they join the validation's in `findings`. */
  setSessionFindings(source: string, findings: readonly SessionFinding[]): void;
  setManifestVersion(version: WritableManifestVersion): void;
  addLocale(tag: string, copyFromDefault: boolean): void;
  removeLocale(tag: string): void;
  setView(view: ViewName): void;
  setActiveFile(key: string): void;
  focusFinding(finding: Finding): void;
}

export type { FieldPath };
