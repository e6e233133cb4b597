/**
 * The live document: the model, the YAML text of each file, and the findings of the last validation. A small
 * external store (getState/subscribe) so React reads it with useSyncExternalStore and non-React code (drafts,
 * benchmarks) drives it directly. Validation runs debounced, on the texts, with the same core the CLI uses.
 */
import type { Finding } from '../core/findings';
import { DEFAULT_MANIFEST_VERSION } from '../core/manifest-version';
import { clone } from '../core/model/installers';
import type { ManifestSet } from '../core/model/types';
import { setManifestVersion as moveToVersion } from '../core/model/upgrade';
import { renameFiles, updateFiles, writeFiles } from './file-texts';
import { droppedFindings, importManifestFiles } from './import-set';
import { readFileText } from './read-text';
import { locateSessionFindings } from './session-findings';
import { defaultDraftName, emptySet, localeTags, newLocale, syncSet } from './set-edits';
import { isTodoProgress, splitTodo, touchedByEdit, type TouchedKey } from './todo';
import type { DocumentActions, EditorState, ManifestFileText, SessionFinding, SetRecipe, ViewName } from './types';

export type { DocumentSnapshot, DocumentStore, DocumentStoreOptions } from './store-types';
import type { DocumentSnapshot, DocumentStore, DocumentStoreOptions } from './store-types';
import { loadedValidator, validatorReady } from './validator';
import type { Validate } from './validator';

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `draft-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function createDocumentStore(options: DocumentStoreOptions = {}): DocumentStore {
  const delay = Math.min(options.validateDelayMs ?? 60, 100);
  const newId = options.newId ?? randomId;
  const listeners = new Set<() => void>();
  let nameIsCustom = false;
  /** Findings the store itself raises (fields dropped by a version change); kept until the document is replaced. */
  let notices: Finding[] = [];
  /** The last validation's findings, before the session's are added. */
  let validationFindings: Finding[] = [];
  const session = new Map<string, readonly SessionFinding[]>();
  const withSession = (findings: Finding[]): Finding[] =>
    session.size === 0 ? findings : [...findings, ...locateSessionFindings(state.files, [...session.values()].flat())];
  /** This draft's edited fields, and whether an export or pull request was asked for (see todo.ts). */
  let touched = new Set<TouchedKey>();
  let revealed = false;
  /** The findings to show, split into problems and To do items against the current document. */
  const published = (): Pick<EditorState, 'findings' | 'todo'> => {
    const { shown, todo } = splitTodo({ findings: withSession(validationFindings), files: state.files, set: state.set, touched, revealed });
    return { findings: shown, todo };
  };
  /** Notes what an edit changed; the next validation splits its findings with it. */
  const markTouched = (before: ManifestSet, after: ManifestSet): boolean => {
    const keys = touchedByEdit(before, after);
    for (const key of keys) touched.add(key);
    return keys.length > 0;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let validatedFiles: readonly ManifestFileText[] | undefined;

  const initialSet = emptySet(DEFAULT_MANIFEST_VERSION);
  let state: EditorState = {
    draftId: newId(),
    draftName: defaultDraftName(initialSet),
    manifestVersion: DEFAULT_MANIFEST_VERSION,
    set: initialSet,
    files: writeFiles(initialSet, DEFAULT_MANIFEST_VERSION),
    findings: [],
    todo: [],
    edited: false,
    view: 'form',
    activeFileKey: 'version',
    externalRevision: 0,
  };

  const emit = (): void => {
    for (const listener of [...listeners]) listener();
  };

  const runValidation = (validateManifest: Validate): void => {
    const files = state.files;
    if (files === validatedFiles) return;
    validatedFiles = files;
    let findings: Finding[];
    try {
      findings = validateManifest(files.map((f) => ({ name: f.name, data: f.text }))).findings;
    } catch (error) {
      const message = `Validation failed: ${error instanceof Error ? error.message : String(error)}`;
      findings = [{ severity: 'error', rule: 'document-validation', message, file: '', line: 0, column: 0, field: '' }];
    }
    const own = files.flatMap((f) => f.parseFindings.filter((p) => p.rule.startsWith('document-')));
    validationFindings = [...findings, ...own, ...notices];
    state = { ...state, ...published() };
    emit();
  };

  const validate = (): Promise<void> => {
    timer = undefined;
    const ready = loadedValidator();
    if (ready) {
      runValidation(ready);
      return Promise.resolve();
    }
    return validatorReady.then(runValidation);
  };

  const scheduleValidation = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void validate(), delay);
  };

  /** Sets the next state, notifies, and revalidates when the texts changed. */
  const commit = (next: Partial<EditorState>): void => {
    const nextState = { ...state, ...next };
    if (!nameIsCustom && next.set) nextState.draftName = defaultDraftName(next.set);
    const filesChanged = nextState.files !== state.files;
    if (!nextState.files.some((f) => f.key === nextState.activeFileKey)) {
      // A renamed locale keeps its tab: follow the file by position.
      const at = state.files.findIndex((f) => f.key === nextState.activeFileKey);
      nextState.activeFileKey = nextState.files[at]?.key ?? nextState.files[0]?.key ?? 'version';
    }
    state = nextState;
    emit();
    if (filesChanged) scheduleValidation();
  };

  // The new manifest's empty required fields are listed (as To do items) from the start.
  scheduleValidation();

  /** A change of the model from the form side: sync the files' shared values and rewrite what changed. */
  const applySet = (next: ManifestSet, external: boolean, versionChanged = false): void => {
    syncSet(state.set, next, state.manifestVersion);
    const files = updateFiles(state.set, state.files, next, state.manifestVersion, versionChanged);
    // A ManifestVersion change rewrites every file, but the user typed in none of its fields.
    const edited = (!versionChanged && markTouched(state.set, next)) || state.edited;
    commit({ set: next, files, edited, ...(external ? { externalRevision: state.externalRevision + 1 } : {}) });
    // The keystroke-to-YAML benchmark reads this mark; it costs nothing measurable.
    globalThis.performance?.mark?.('wingsmith:yaml-updated');
  };

  const replaceDocument = (doc: Omit<DocumentSnapshot, 'view' | 'activeFileKey'> & Partial<DocumentSnapshot>): void => {
    nameIsCustom = doc.nameIsCustom;
    // What a feature raised was about the document being replaced; it says again what holds for the new one.
    session.clear();
    validationFindings = [];
    const sameDraft = doc.draftId === state.draftId;
    if (isTodoProgress(doc.todoProgress)) {
      // A stored draft: what its user had typed in and asked for still holds.
      touched = new Set(doc.todoProgress.touched);
      revealed = doc.todoProgress.revealed;
    } else if (!sameDraft) {
      // Another draft: what the user typed and asked for concerned the one left.
      touched = new Set();
      revealed = false;
    }
    commit({
      edited: sameDraft && state.edited,
      todo: [],
      draftId: doc.draftId,
      draftName: doc.draftName,
      manifestVersion: doc.manifestVersion,
      set: doc.set,
      files: doc.files,
      findings: [],
      focus: undefined,
      externalRevision: state.externalRevision + 1,
      pullRequest: doc.pullRequest,
      ...(doc.view ? { view: doc.view } : {}),
      ...(doc.activeFileKey ? { activeFileKey: doc.activeFileKey } : {}),
    });
    // The findings were cleared above: validate again even when the texts are the very ones already validated.
    validatedFiles = undefined;
    scheduleValidation();
  };

  const actions: DocumentActions = {
    setSessionFindings(source, findings) {
      const before = session.get(source) ?? [];
      if (JSON.stringify(before) === JSON.stringify(findings)) return;
      if (findings.length === 0) session.delete(source);
      else session.set(source, findings);
      state = { ...state, ...published() };
      emit();
    },
    revealTodo() {
      if (revealed) return;
      revealed = true;
      state = { ...state, ...published() };
      emit();
    },
    updateSet(recipe: SetRecipe) {
      applySet(recipe(clone(state.set)), false);
    },

    setFileText(key, text) {
      const index = state.files.findIndex((f) => f.key === key);
      const file = state.files[index];
      if (!file || file.text === text) return;
      const read = readFileText(file, text, state.set, state.files);
      const files = state.files.map((f, i) => (i === index ? { ...f, text, parseFindings: read.parseFindings } : f));
      if (!read.set) {
        commit({ files });
        return;
      }
      const edited = markTouched(state.set, read.set) || state.edited;
      commit({ set: read.set, files: renameFiles(read.set, files), edited, externalRevision: state.externalRevision + 1 });
    },

    importFiles(inputs) {
      const result = importManifestFiles(inputs);
      if (!result.ok) return { ok: false, findings: result.findings };
      const doc = result.document;
      notices = doc.notices;
      replaceDocument({
        draftId: newId(),
        draftName: defaultDraftName(doc.set),
        nameIsCustom: false,
        manifestVersion: doc.manifestVersion,
        set: doc.set,
        files: doc.files,
        activeFileKey: doc.files[0]?.key ?? 'version',
      });
      return { ok: true, findings: [] };
    },

    replaceFiles(inputs) {
      const result = importManifestFiles(inputs);
      if (!result.ok) return { ok: false, findings: result.findings };
      const doc = result.document;
      notices = doc.notices;
      replaceDocument({
        draftId: state.draftId,
        draftName: state.draftName,
        nameIsCustom,
        manifestVersion: doc.manifestVersion,
        set: doc.set,
        files: doc.files,
        activeFileKey: state.activeFileKey,
        view: state.view,
        ...(state.pullRequest ? { pullRequest: state.pullRequest } : {}),
      });
      return { ok: true, findings: [] };
    },

    linkPullRequest(link) {
      commit({ pullRequest: link });
    },

    newManifest() {
      notices = [];
      const set = emptySet(DEFAULT_MANIFEST_VERSION);
      replaceDocument({
        draftId: newId(),
        draftName: defaultDraftName(set),
        nameIsCustom: false,
        manifestVersion: DEFAULT_MANIFEST_VERSION,
        set,
        files: writeFiles(set, DEFAULT_MANIFEST_VERSION),
        activeFileKey: 'version',
      });
    },

    setManifestVersion(version) {
      if (version === state.manifestVersion) return;
      const moved = moveToVersion(clone(state.set), version);
      notices = droppedFindings(moved.set, moved.dropped, version);
      state = { ...state, manifestVersion: version };
      applySet(moved.set, true, true);
    },

    addLocale(tag, copyFromDefault) {
      const trimmed = tag.trim();
      if (trimmed === '' || localeTags(state.set).some((t) => t.toLowerCase() === trimmed.toLowerCase())) return;
      const next = clone(state.set);
      next.locales.push(newLocale(next, trimmed, copyFromDefault, state.manifestVersion));
      applySet(next, true);
    },

    removeLocale(tag) {
      const next = clone(state.set);
      next.locales = next.locales.filter((l) => (l as { PackageLocale?: unknown }).PackageLocale !== tag);
      if (next.locales.length !== state.set.locales.length) applySet(next, true);
    },

    setView(view) {
      if (view !== state.view) commit({ view });
    },

    setActiveFile(key) {
      if (key !== state.activeFileKey && state.files.some((f) => f.key === key)) commit({ activeFileKey: key });
    },

    focusFinding(finding) {
      const file = state.files.find((f) => f.name === finding.file);
      const broken = file !== undefined && file.parseFindings.length > 0;
      // A field the form can show goes to the form; a position only (syntax, a whole file) goes to the YAML.
      const view: ViewName = finding.field !== '' && !broken ? 'form' : 'yaml';
      const seq = (state.focus?.seq ?? 0) + 1;
      commit({
        view,
        ...(file ? { activeFileKey: file.key } : {}),
        focus: { file: finding.file, field: finding.field, line: finding.line, column: finding.column, seq },
      });
    },
  };

  return {
    ...actions,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => ({
      draftId: state.draftId,
      draftName: state.draftName,
      nameIsCustom,
      manifestVersion: state.manifestVersion,
      set: state.set,
      files: state.files,
      view: state.view,
      activeFileKey: state.activeFileKey,
      ...(state.pullRequest ? { pullRequest: state.pullRequest } : {}),
      ...(touched.size > 0 || revealed ? { todoProgress: { touched: [...touched], revealed } } : {}),
    }),
    load(snapshot) {
      notices = [];
      replaceDocument(snapshot);
    },
    renameDraft(name) {
      const trimmed = name.trim();
      nameIsCustom = trimmed !== '';
      commit({ draftName: trimmed || defaultDraftName(state.set) });
    },
    flushValidation() {
      if (timer !== undefined) clearTimeout(timer);
      return validate();
    },
  };
}

/** The app's one document. */
export const documentStore: DocumentStore = createDocumentStore();
