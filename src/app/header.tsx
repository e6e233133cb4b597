/** Brand, the document-wide controls (ManifestVersion, new, drafts, import, export) and the theme switch. */
import { useId, useState, type Ref } from 'react';
import { WRITABLE_MANIFEST_VERSIONS } from '../core/manifest-version';
import type { WritableManifestVersion } from '../core/manifest-version';
import type { DraftSession } from '../document/drafts';
import { useActions, useEditor } from '../document/use-editor';
import { ExportZipButton } from '../features/export';
import { ManifestFilesInput } from '../features/import';
import { InstallerFilesInput } from '../features/installers';
import { ImportReleaseButton } from '../features/releases';
import { SettingsButton } from '../features/settings';
import { ShareLinkButton } from '../features/share';
import { EditPullRequestButton, OpenPullRequestButton, UpdatePackageButton } from '../features/submit';
import { DraftsMenu } from './drafts-menu';
import { useTheme } from './theme';

function isWritable(value: string): value is WritableManifestVersion {
  return (WRITABLE_MANIFEST_VERSIONS as readonly string[]).includes(value);
}

export function AppHeader({ session, manifestInput }: { session: DraftSession; manifestInput?: Ref<HTMLInputElement> }) {
  const manifestVersion = useEditor((s) => s.manifestVersion);
  const draftName = useEditor((s) => s.draftName);
  const actions = useActions();
  const [theme, toggleTheme] = useTheme();
  const versionId = useId();
  const toolbarId = useId();
  // Narrow screens only (styles.css): the toolbar folds behind `Menu`, so Start is what a phone shows first.
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <header className="topbar">
      <div className="topbar-title">
        <h1 className="brand">Wingsmith</h1>
        <span className="draft-current" title="Current draft">{draftName}</span>
        <button type="button" className="toolbar-toggle" aria-expanded={menuOpen} aria-controls={toolbarId}
          onClick={() => setMenuOpen((open) => !open)}>
          Menu
        </button>
      </div>
      <div id={toolbarId} className={menuOpen ? 'toolbar' : 'toolbar toolbar-folded'} role="toolbar" aria-label="Manifest">
        <span className="field-inline">
          <label htmlFor={versionId}>ManifestVersion</label>
          <select
            id={versionId}
            value={manifestVersion}
            onChange={(e) => {
              if (isWritable(e.target.value)) actions.setManifestVersion(e.target.value);
            }}
          >
            {WRITABLE_MANIFEST_VERSIONS.map((v) => (
              <option key={v} value={v}>{v}</option>
            ))}
          </select>
        </span>
        <div className="toolbar-group" role="group" aria-label="Draft and files">
          <button type="button" onClick={() => actions.newManifest()}>New manifest</button>
          <DraftsMenu session={session} />
          <ManifestFilesInput inputRef={manifestInput} />
          <InstallerFilesInput />
          <ExportZipButton />
          <ShareLinkButton />
        </div>
        <div className="toolbar-group" role="group" aria-label="GitHub">
          <UpdatePackageButton />
          <ImportReleaseButton />
          <OpenPullRequestButton />
          <EditPullRequestButton />
          <SettingsButton />
        </div>
        <button type="button" className="theme-toggle" aria-pressed={theme === 'dark'} onClick={toggleTheme}
          aria-label="Dark mode" title="Dark mode">
          <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span>
        </button>
      </div>
    </header>
  );
}
