import { useId, useState } from 'react';
import { useActions, useEditor } from '../../document/use-editor';
import { downloadBlob } from './download';
import { exportBlocker } from './export-names';
import './export.css';

// The zip writer (fflate's deflate) is only needed on click; keeping it out of the first load keeps startup small.
const loadZipWriter = () => import('./build-zip');

/**
 * `Export zip`: the previewed files under their repository folder, as `<PackageIdentifier>-<PackageVersion>.zip`.
 * Asking for it turns the To do items into errors, so the user sees what the exported files still lack; without
 * PackageIdentifier and PackageVersion there is no folder or file name, and it says so instead of exporting.
 */
export function ExportZipButton() {
  const set = useEditor((s) => s.set);
  const manifestVersion = useEditor((s) => s.manifestVersion);
  const draftId = useEditor((s) => s.draftId);
  const { revealTodo } = useActions();
  const [failure, setFailure] = useState<string>();
  /** The draft Export zip was asked for: another draft starts quiet again. */
  const [askedFor, setAskedFor] = useState<string>();
  const reasonId = useId();
  const blocker = exportBlocker(set);
  const reason = blocker ?? failure;
  // Said out loud once the user asked; before that a description, so the toolbar stays quiet on a blank page.
  const alert = failure !== undefined || (blocker !== undefined && askedFor === draftId);

  const onClick = async () => {
    revealTodo();
    setAskedFor(draftId);
    if (blocker) return;
    try {
      const { buildManifestZip } = await loadZipWriter();
      const zip = buildManifestZip(set, manifestVersion);
      downloadBlob(new Blob([zip.data], { type: 'application/zip' }), zip.fileName);
      setFailure(undefined);
    } catch (error) {
      setFailure(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <span className="export-zip">
      <button
        type="button"
        onClick={() => void onClick()}
        onPointerEnter={() => void loadZipWriter()}
        onFocus={() => void loadZipWriter()}
        title={reason}
        aria-describedby={reason ? reasonId : undefined}
      >
        Export zip
      </button>
      {reason && (
        <span id={reasonId} className={alert ? 'export-zip-error' : 'export-zip-reason'} role={alert ? 'alert' : undefined}>
          {reason}
        </span>
      )}
    </span>
  );
}
