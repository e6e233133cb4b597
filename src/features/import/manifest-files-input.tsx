import { useEffect, useId, type ChangeEvent } from 'react';
import { ImportDialogs } from './import-dialogs';
import { importStore, useImportState } from './import-store';
import { useImporter } from './use-import';
import './import.css';

/** `Manifest files`: opens .yaml/.yml files (a set, a singleton) or a .zip of a set as a new draft. */
export function ManifestFilesInput() {
  const inputId = useId();
  const { run } = useImporter();
  const busy = useImportState((s) => s.busy);
  const notice = useImportState((s) => s.notice);
  const hostsDialogs = useImportState((s) => s.dropZones === 0);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => importStore.update({ notice: undefined }), 8000);
    return () => clearTimeout(timer);
  }, [notice]);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    // Cleared so that choosing the same file again (after fixing it on disk) fires another change.
    input.value = '';
    if (files.length > 0) void run(files.map((file) => ({ path: file.name, file })), 'choose');
  };

  return (
    <span className="import-open">
      <input
        id={inputId}
        className="import-file-input"
        type="file"
        multiple
        accept=".yaml,.yml,.zip"
        aria-label="Manifest files"
        onChange={onChange}
      />
      <label htmlFor={inputId} className="import-open-button" aria-hidden="true">
        {busy ? 'Opening…' : 'Open manifest files…'}
      </label>
      <span role="status" className="import-notice">{notice ?? ''}</span>
      {hostsDialogs && <ImportDialogs />}
    </span>
  );
}
