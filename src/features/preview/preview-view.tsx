import { useDeferredValue, useMemo } from 'react';
import { writeManifestSet } from '../../core/model/write-set';
import { useEditor } from '../../document/use-editor';
import { PreviewFile } from './preview-file';
import './preview.css';

function countBySeverity(findings: readonly { severity: string }[]) {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The repository folder and every file exactly as export and pull requests write them. */
export function PreviewView() {
  const liveSet = useEditor((s) => s.set);
  const manifestVersion = useEditor((s) => s.manifestVersion);
  const findings = useEditor((s) => s.findings);
  // Writing every file on each keystroke would compete with typing; the preview may lag a frame instead.
  const set = useDeferredValue(liveSet);

  const written = useMemo(() => {
    try {
      return { ok: true as const, ...writeManifestSet(set, { manifestVersion }) };
    } catch (error) {
      return { ok: false as const, message: error instanceof Error ? error.message : String(error) };
    }
  }, [set, manifestVersion]);
  const { errors, warnings } = countBySeverity(findings);
  const complete = String(set.version.PackageIdentifier ?? '').trim() !== '' && String(set.version.PackageVersion ?? '').trim() !== '';

  if (!written.ok) {
    return (
      <div className="preview">
        <p role="alert" className="preview-notice preview-notice-error">
          The files could not be written: {written.message}
        </p>
      </div>
    );
  }

  return (
    <div className="preview">
      <div className="preview-folder">
        <span className="preview-folder-label">Repository folder</span>
        {complete ? (
          <code className="preview-folder-path">{written.folder}</code>
        ) : (
          <span className="preview-folder-missing">Fill in PackageIdentifier and PackageVersion to place the files.</span>
        )}
        <span className="preview-folder-meta">
          {plural(written.files.length, 'file')} · ManifestVersion {manifestVersion}
        </span>
      </div>
      {errors > 0 ? (
        <p role="note" className="preview-notice preview-notice-error">
          This set has {plural(errors, 'validation error')}
          {warnings > 0 ? ` and ${plural(warnings, 'warning')}` : ''}. Export and pull requests would still write these
          files as shown; see Problems to fix them first.
        </p>
      ) : warnings > 0 ? (
        <p role="note" className="preview-notice">
          {plural(warnings, 'warning')}; see Problems. The files are valid for winget.
        </p>
      ) : null}
      <div className="preview-files">
        {written.files.map((file) => (
          <PreviewFile key={file.name} name={file.name} text={file.text} />
        ))}
      </div>
    </div>
  );
}
