/** The Monaco editor of the YAML view; its own lazy chunk, so Monaco never weighs on the first page load. */
import { Editor } from '@monaco-editor/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FocusRequest, ManifestFileText } from '../../document/types';
import type { Finding } from '../../core/findings';
import { useActions } from '../../document/use-editor';
import { findingMarkers, fileFindings, MARKER_OWNER } from './markers';
import { configureSchemas, EDITOR_THEMES, monaco } from './monaco-setup';
import { flushAll, modelFor, reconcile, setSender } from './model-sync';
import { modelUri } from './schema-mapping';
import { useColorScheme } from '../../ui/color-scheme';
import { EditorPlaceholder } from './editor-placeholder';
import { restoreViewState, trackViewState } from './view-state';

export interface MonacoPaneProps {
  draftId: string;
  manifestVersion: string;
  files: ManifestFileText[];
  active: ManifestFileText;
  findings: Finding[];
  /** A request to show a position, already routed to the active file by the view. */
  focus: FocusRequest | undefined;
}

type CodeEditor = monaco.editor.IStandaloneCodeEditor;

// Survives remounts, so switching views does not replay an old jump.
let handledFocusSeq = -1;
/** What each model's markers were last set from. */
const markerSignatures = new WeakMap<monaco.editor.ITextModel, string>();

function reveal(editor: CodeEditor, focus: FocusRequest): void {
  const model = editor.getModel();
  if (!model) return;
  const lineNumber = Math.min(Math.max(focus.line, 1), model.getLineCount());
  const column = Math.min(Math.max(focus.column, 1), model.getLineMaxColumn(lineNumber));
  const word = model.getWordAtPosition({ lineNumber, column });
  const range = word
    ? new monaco.Range(lineNumber, word.startColumn, lineNumber, word.endColumn)
    : new monaco.Range(lineNumber, column, lineNumber, column);
  editor.setSelection(range);
  editor.revealRangeInCenterIfOutsideViewport(range, monaco.editor.ScrollType.Smooth);
  editor.focus();
}

export default function MonacoPane({ draftId, manifestVersion, files, active, findings, focus }: MonacoPaneProps) {
  const actions = useActions();
  const scheme = useColorScheme();
  const editorRef = useRef<CodeEditor | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const editor = editorRef.current;
    if (!ready || !editor) return;
    return trackViewState(editor);
  }, [ready]);

  useEffect(() => {
    setSender((key, text) => actions.setFileText(key, text));
    // A reload or a closed tab does not wait for the send debounce: what was typed goes to the store (and its journal) now.
    window.addEventListener('pagehide', flushAll);
    return () => {
      window.removeEventListener('pagehide', flushAll);
      flushAll();
      setSender(undefined);
    };
  }, [actions]);

  // Schemas first: reconfiguring restarts the YAML worker, so it should not find one running yet.
  useEffect(() => configureSchemas(files, manifestVersion), [files, manifestVersion]);
  useEffect(() => reconcile(draftId, files), [draftId, files]);

  useEffect(() => {
    for (const file of files) {
      const model = modelFor(draftId, file);
      if (!model) continue;
      const own = fileFindings(file, findings);
      // Between a keystroke and the validation that follows it the findings are those of the previous text;
      // setting them again would pull markers back from where Monaco has already moved them.
      const signature = own.map((f) => `${f.line}:${f.column}:${f.severity}:${f.rule}:${f.message}`).join('\n');
      if (markerSignatures.get(model) === signature) continue;
      markerSignatures.set(model, signature);
      monaco.editor.setModelMarkers(model, MARKER_OWNER, findingMarkers(own, model.getLinesContent()));
    }
  }, [draftId, files, findings]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!ready || !editor || !focus || focus.seq === handledFocusSeq || focus.file !== active.name) return;
    handledFocusSeq = focus.seq;
    reveal(editor, focus);
  }, [ready, focus, active.name]);

  const options = useMemo<monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel: `YAML of ${active.name}`,
      automaticLayout: true,
      minimap: { enabled: false },
      fixedOverflowWidgets: true,
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      fontSize: 13,
      lineNumbersMinChars: 3,
      renderLineHighlight: 'line',
      quickSuggestions: { other: true, comments: false, strings: true },
      wordBasedSuggestions: 'off',
    }),
    [active.name],
  );

  return (
    <Editor
      path={modelUri(draftId, active)}
      defaultValue={active.text}
      defaultLanguage="yaml"
      keepCurrentModel
      // view-state.ts keeps positions for every file; the component's own copy, restored after ours, could be stale.
      saveViewState={false}
      theme={EDITOR_THEMES[scheme]}
      options={options}
      loading={<EditorPlaceholder />}
      onMount={(editor) => {
        editorRef.current = editor;
        restoreViewState(editor);
        setReady(true);
      }}
    />
  );
}
