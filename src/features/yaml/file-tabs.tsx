import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { ManifestFileText } from '../../document/types';

interface FileTabsProps {
  files: readonly ManifestFileText[];
  activeKey: string;
  /** Files whose text does not parse, marked on their tab. */
  brokenKeys: ReadonlySet<string>;
  panelId: string;
  tabId: (key: string) => string;
  onSelect: (key: string) => void;
}

const KIND_LABEL: Record<ManifestFileText['kind'], string> = {
  version: 'version',
  installer: 'installer',
  defaultLocale: 'default locale',
  locale: 'locale',
};

/** One tab per file of the set (WAI-ARIA tabs: arrow keys move between files, Home/End jump). */
export function FileTabs({ files, activeKey, brokenKeys, panelId, tabId, onSelect }: FileTabsProps) {
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = files.findIndex((f) => f.key === activeKey);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % files.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + files.length) % files.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = files.length - 1;
    const target = files[next];
    if (!target) return;
    event.preventDefault();
    onSelect(target.key);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(target.key))}`)?.focus();
  };

  return (
    <div className="yaml-view-tabs" role="tablist" aria-label="Files" ref={listRef} onKeyDown={onKeyDown}>
      {files.map((file) => {
        const selected = file.key === activeKey;
        const broken = brokenKeys.has(file.key);
        return (
          <button
            key={file.key}
            id={tabId(file.key)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className="yaml-view-tab"
            data-broken={broken || undefined}
            title={`${file.name} (${KIND_LABEL[file.kind]}${broken ? ', does not parse' : ''})`}
            onClick={() => onSelect(file.key)}
          >
            {file.name}
          </button>
        );
      })}
    </div>
  );
}
