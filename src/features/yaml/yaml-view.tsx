/**
 * The YAML view: one Monaco tab per file of the set, in two-way sync with the form through the document store.
 * This module stays light (tabs, status strip, placeholder); Monaco comes in its own chunk, requested as soon as this
 * module is evaluated so that it is usually ready by the time someone clicks into the editor.
 */
import { lazy, Suspense, useEffect, useId, useMemo } from 'react';
import { useActions, useEditor } from '../../document/use-editor';
import { EditorPlaceholder } from './editor-placeholder';
import { fileFindings, firstParseError } from './markers';
import { FileTabs } from './file-tabs';
import { FileStatus } from './file-status';
import './yaml-view.css';

const loadPane = () => import('./monaco-pane');
const MonacoPane = lazy(loadPane);
void loadPane();

export function YamlView() {
  const files = useEditor((s) => s.files);
  const activeFileKey = useEditor((s) => s.activeFileKey);
  const draftId = useEditor((s) => s.draftId);
  const manifestVersion = useEditor((s) => s.manifestVersion);
  const findings = useEditor((s) => s.findings);
  const view = useEditor((s) => s.view);
  const focus = useEditor((s) => s.focus);
  const actions = useActions();
  const baseId = useId();

  const active = files.find((f) => f.key === activeFileKey) ?? files[0];
  const brokenKeys = useMemo(
    () => new Set(files.filter((f) => f.parseFindings.length > 0).map((f) => f.key)),
    [files],
  );

  // A jump to a finding in another file opens that file's tab first; the editor then shows the position.
  const focusFile = focus && view === 'yaml' ? files.find((f) => f.name === focus.file) : undefined;
  useEffect(() => {
    if (focusFile && focusFile.key !== activeFileKey) actions.setActiveFile(focusFile.key);
    // Only a new request (its seq) may switch tabs; later tab clicks must not be undone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus?.seq, view]);

  if (!active) {
    return (
      <div className="yaml-view">
        <p className="yaml-view-empty">This draft has no files yet.</p>
      </div>
    );
  }

  const tabId = (key: string) => `${baseId}-tab-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const panelId = `${baseId}-panel`;

  return (
    <div className="yaml-view">
      <div className="yaml-view-tabs-bar">
        <FileTabs
          files={files}
          activeKey={active.key}
          brokenKeys={brokenKeys}
          panelId={panelId}
          tabId={tabId}
          onSelect={(key) => actions.setActiveFile(key)}
        />
      </div>
      <div className="yaml-view-panel" role="tabpanel" id={panelId} aria-labelledby={tabId(active.key)}>
        <FileStatus
          fileName={active.name}
          parseError={firstParseError(active)}
          findings={fileFindings(active, findings)}
          onShow={(finding) => actions.focusFinding(finding)}
        />
        <div className="yaml-view-editor">
          <Suspense fallback={<EditorPlaceholder />}>
            <MonacoPane
              draftId={draftId}
              manifestVersion={manifestVersion}
              files={files}
              active={active}
              findings={findings}
              focus={view === 'yaml' ? focus : undefined}
            />
          </Suspense>
        </div>
      </div>
    </div>
  );
}

export default YamlView;
