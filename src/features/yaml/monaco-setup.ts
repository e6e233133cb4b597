/**
 * Monaco and monaco-yaml, bundled from node_modules (never a CDN) and trimmed to what a YAML editor uses: the
 * editor API, a chosen set of editor features, YAML highlighting, and two workers built by Vite.
 *
 * Why monaco-editor is pinned to 0.54: monaco-yaml 5.5's worker (through monaco-worker-manager 2) imports
 * `initialize` from `monaco-editor/esm/vs/editor/editor.worker.js` and asks for its worker the old way,
 * `createWebWorker({ moduleId, label, createData })`. 0.54 still has both (the old call is translated by
 * editor.main); 0.55 changed the worker module and the call (it now wants a Worker instance and no longer sends
 * createData), which would need a Vite alias and an adapter around monaco-yaml. Since this module imports the
 * lean editor.api rather than editor.main, it repeats editor.main's small translation of the old call below.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/editor/browser/coreCommands.js';
import 'monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController.js';
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2.js';
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/esm/vs/editor/common/standaloneStrings.js';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from './yaml.worker?worker';
import { loader } from '@monaco-editor/react';
import { configureMonacoYaml } from 'monaco-yaml';
import type { SchemasSettings } from 'monaco-yaml';
import { manifestJsonSchema } from '../../core/schema';
import { associationsSignature, schemaAssociations } from './schema-mapping';
import type { ManifestFileText } from '../../document/types';

export { monaco };

window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker({ name: 'yaml' }) : new EditorWorker({ name: label });
  },
};

interface LegacyWorkerOptions {
  moduleId?: string;
  label?: string;
  createData?: unknown;
  host?: unknown;
  keepIdleModels?: boolean;
  worker?: Worker | Promise<Worker>;
}

/**
 * The old `createWebWorker` call on top of 0.54's new one: make the worker through MonacoEnvironment, then send
 * the two messages the old worker bootstrap waits for (a wake-up, then the create data) before the RPC starts.
 */
function createLegacyWebWorker<T extends object>(options: LegacyWorkerOptions): monaco.editor.MonacoWebWorker<T> {
  if (options.worker) return monaco.editor.createWebWorker<T>({ ...options, worker: options.worker });
  const environment = window.MonacoEnvironment;
  const label = options.label ?? 'monaco-editor-worker';
  const worker = Promise.resolve(environment?.getWorker?.(options.moduleId ?? '', label)).then((w) => {
    if (!w) throw new Error(`No worker for ${label}`);
    w.postMessage('wake');
    w.postMessage(options.createData);
    return w;
  });
  return monaco.editor.createWebWorker<T>({ worker, host: options.host, keepIdleModels: options.keepIdleModels });
}

// monaco-yaml gets a view of the API with the translated call; the shared API object is left untouched.
const monacoForYaml = { ...monaco, editor: { ...monaco.editor, createWebWorker: createLegacyWebWorker } };

// @monaco-editor/react would otherwise load Monaco from a CDN.
/**
 * The stock themes with comments readable against their background: vs-dark's comment green (#608B4E on #1E1E1E)
 * is 4.2:1, under WCAG AA's 4.5:1; VS Code's Dark+ green is 5.0:1. `vs` already passes (5.1:1).
 */
export const EDITOR_THEMES = { light: 'vs', dark: 'wingsmith-dark' } as const;
monaco.editor.defineTheme(EDITOR_THEMES.dark, { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6A9955' }], colors: {} });

loader.config({ monaco });

const yaml = configureMonacoYaml(monacoForYaml as unknown as typeof monaco, {
  enableSchemaRequest: false,
  // The core's writer owns the canonical style; a second formatter would fight it.
  format: { enable: false },
  completion: true,
  hover: true,
  validate: true,
  schemas: [],
});

let currentSignature = '';

/** Points the language server at the core's JSON Schemas for these files; a no-op when nothing changed. */
export function configureSchemas(files: readonly ManifestFileText[], manifestVersion: string): void {
  const associations = schemaAssociations(files, manifestVersion);
  const signature = associationsSignature(associations);
  if (signature === currentSignature) return;
  currentSignature = signature;
  const schemas: SchemasSettings[] = associations.map((a) => ({
    uri: a.uri,
    fileMatch: a.fileMatch,
    schema: manifestJsonSchema(a.type, a.manifestVersion),
  }));
  void yaml.update({ schemas });
}
