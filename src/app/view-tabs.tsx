/**
 * The three views as tabs (WAI-ARIA tabs pattern: arrow keys, Home/End, roving tabindex). Only the active view
 * is mounted; its chunk comes from view-modules (the YAML view, with Monaco, is fetched after the first frame).
 */
import { Suspense, useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useActions, useEditor } from '../document/use-editor';
import type { ViewName } from '../document/types';
import { ViewErrorBoundary } from './view-error-boundary';
import { lazyViews, loadView, loadedView } from './view-modules';

const VIEWS: { view: ViewName; label: string }[] = [
  { view: 'form', label: 'Form' },
  { view: 'yaml', label: 'YAML' },
  { view: 'preview', label: 'Preview' },
];

const tabId = (view: ViewName) => `view-tab-${view}`;
const panelId = (view: ViewName) => `view-panel-${view}`;

function ViewContent({ view }: { view: ViewName }) {
  const Loaded = loadedView(view);
  if (Loaded) return <Loaded />;
  const View = lazyViews[view];
  return (
    <Suspense fallback={<p className="view-loading">Loading…</p>}>
      <View />
    </Suspense>
  );
}

export function ViewTabs() {
  const active = useEditor((s) => s.view);
  const { setView } = useActions();
  const tabs = useRef(new Map<ViewName, HTMLButtonElement>());

  useEffect(() => {
    // After the first frame, so Monaco never delays the first paint but is usually loaded before anyone asks.
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    idle(() => void loadView('yaml'));
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = VIEWS.length - 1;
    const target =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : undefined;
    if (target === undefined) return;
    event.preventDefault();
    const view = VIEWS[target]!.view;
    setView(view);
    tabs.current.get(view)?.focus();
  };

  return (
    <div className="views">
      <div role="tablist" aria-label="Views" className="view-tabs">
        {VIEWS.map(({ view, label }, index) => (
          <button
            key={view}
            ref={(el) => {
              if (el) tabs.current.set(view, el);
              else tabs.current.delete(view);
            }}
            type="button"
            role="tab"
            id={tabId(view)}
            aria-selected={view === active}
            aria-controls={panelId(view)}
            tabIndex={view === active ? 0 : -1}
            className="view-tab"
            onClick={() => setView(view)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {label}
          </button>
        ))}
      </div>
      {VIEWS.map(({ view }) => (
        <div
          key={view}
          role="tabpanel"
          id={panelId(view)}
          aria-labelledby={tabId(view)}
          hidden={view !== active}
          className="view-panel"
        >
          {view === active && (
            <ViewErrorBoundary view={view}>
              <ViewContent view={view} />
            </ViewErrorBoundary>
          )}
        </div>
      ))}
    </div>
  );
}
