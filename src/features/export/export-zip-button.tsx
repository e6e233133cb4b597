import { useId, useState } from 'react';
import { useEditor } from '../../document/use-editor';
import { downloadBlob } from './download';
import { exportBlocker } from './export-names';
import './export.css';

// The zip writer (fflate's deflate) is only needed on click; keeping it out of the first load keeps startup small.
const loadZipWriter = () => import('./build-zip');

/** `Export zip`: the previewed files under their repository folder, as `<PackageIdentifier>-<PackageVersion>.zip`. */
export function ExportZipButton() {
  const set = useEditor((s) => s.set);
  const manifestVersion = useEditor((s) => s.manifestVersion);
  const [failure, setFailure] = useState<string>();
  const reasonId = useId();
  const blocker = exportBlocker(set);
  const reason = blocker ?? failure;

  const onClick = async () => {
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
        disabled={blocker !== undefined}
        title={reason}
        aria-describedby={reason ? reasonId : undefined}
      >
        Export zip
      </button>
      {reason && (
        <span id={reasonId} className={failure && !blocker ? 'export-zip-error' : 'export-zip-reason'} role={failure && !blocker ? 'alert' : undefined}>
          {reason}
        </span>
      )}
    </span>
  );
}
