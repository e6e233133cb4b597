/**
 * Keeps one Monaco model per file of the draft in step with the document store, both ways.
 *
 * Typing sends the model's text to the store (lightly debounced). A store text that changed from elsewhere (a
 * form edit, an import) is applied to the model as one minimal edit on the undo stack, so the cursor and the
 * history survive; it is never applied while the user's own edit is still on its way, and a store text this
 * editor sent earlier (a stale echo) is never applied at all.
 *
 * Models outlive the editor component: switching to the form and back keeps each file's undo history.
 */
import { monaco } from './monaco-setup';
import { modelUri } from './schema-mapping';
import { minimalReplacement } from './text-edit';
import type { ManifestFileText } from '../../document/types';

/** Short enough to feel immediate in the form, long enough to coalesce a burst of keys into one store update. */
const SEND_DELAY_MS = 40;
/** How many recently sent texts per file are recognised as echoes. */
const SENT_MEMORY = 32;

type SendText = (key: string, text: string) => void;

interface Entry {
  key: string;
  model: monaco.editor.ITextModel;
  /** The store's text for this file when last reconciled. */
  storeText: string;
  sent: string[];
  timer: ReturnType<typeof setTimeout> | undefined;
  applying: boolean;
  listener: monaco.IDisposable;
}

const entries = new Map<string, Entry>();
let send: SendText | undefined;

function flush(entry: Entry): void {
  if (entry.timer === undefined) return;
  clearTimeout(entry.timer);
  entry.timer = undefined;
  if (entry.model.isDisposed()) return;
  const text = entry.model.getValue();
  entry.sent.push(text);
  if (entry.sent.length > SENT_MEMORY) entry.sent.shift();
  entry.storeText = text;
  send?.(entry.key, text);
}

function onUserEdit(entry: Entry): void {
  if (entry.applying) return;
  if (entry.timer !== undefined) clearTimeout(entry.timer);
  entry.timer = setTimeout(() => flush(entry), SEND_DELAY_MS);
}

function applyStoreText(entry: Entry, text: string): void {
  const { model } = entry;
  const replacement = minimalReplacement(model.getValue(), text);
  if (!replacement) return;
  const start = model.getPositionAt(replacement.start);
  const end = model.getPositionAt(replacement.end);
  const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
  entry.applying = true;
  try {
    model.pushStackElement();
    model.pushEditOperations([], [{ range, text: replacement.text, forceMoveMarkers: false }], () => null);
    model.pushStackElement();
  } finally {
    entry.applying = false;
  }
}

function adopt(key: string, uri: monaco.Uri, text: string): Entry {
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, 'yaml', uri);
  const entry: Entry = { key, model, storeText: text, sent: [], timer: undefined, applying: false, listener: { dispose() {} } };
  entry.listener = model.onDidChangeContent(() => onUserEdit(entry));
  if (model.getValue() !== text) applyStoreText(entry, text);
  return entry;
}

/** Who receives the user's edits (the store's `setFileText`). */
export function setSender(next: SendText | undefined): void {
  send = next;
}

/** Sends every edit still waiting for its debounce, e.g. before the editor goes away. */
export function flushAll(): void {
  for (const entry of entries.values()) flush(entry);
}

/** Creates, updates and disposes models so that they mirror the store's files for this draft. */
export function reconcile(draftId: string, files: readonly ManifestFileText[]): void {
  const wanted = new Set<string>();
  for (const file of files) {
    const uri = monaco.Uri.parse(modelUri(draftId, file));
    const id = uri.toString();
    wanted.add(id);
    const entry = entries.get(id);
    if (!entry || entry.model.isDisposed()) {
      entries.set(id, adopt(file.key, uri, file.text));
      continue;
    }
    entry.key = file.key;
    if (file.text === entry.storeText) continue;
    entry.storeText = file.text;
    // The user's newer text is on its way and will replace this one; or this is our own older text coming back.
    if (entry.timer !== undefined || entry.sent.includes(file.text)) continue;
    if (file.text !== entry.model.getValue()) applyStoreText(entry, file.text);
    entry.sent.length = 0;
  }
  for (const [id, entry] of entries) {
    if (wanted.has(id)) continue;
    flush(entry);
    entry.listener.dispose();
    entry.model.dispose();
    entries.delete(id);
  }
}

export function modelFor(draftId: string, file: ManifestFileText): monaco.editor.ITextModel | undefined {
  return entries.get(monaco.Uri.parse(modelUri(draftId, file)).toString())?.model;
}
