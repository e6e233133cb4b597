import { useEffect, type Ref } from 'react';
import { FileButton } from '../../ui/file-button';
import { ImportDialogs } from './import-dialogs';
import { importStore, useImportState } from './import-store';
import { useImporter } from './use-import';
import './import.css';

/**
 * `Manifest files`: opens .yaml/.yml files (a set, a singleton) or a .zip of a set as a new draft. `inputRef` lets
 * the app open the same chooser from elsewhere (the Start region) without a second input of the same name.
 */
export function ManifestFilesInput({ inputRef }: { inputRef?: Ref<HTMLInputElement> }) {
  const { run } = useImporter();
  const busy = useImportState((s) => s.busy);
  const notice = useImportState((s) => s.notice);
  const hostsDialogs = useImportState((s) => s.dropZones === 0);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => importStore.update({ notice: undefined }), 8000);
    return () => clearTimeout(timer);
  }, [notice]);

  const onFiles = (files: File[]) => void run(files.map((file) => ({ path: file.name, file })), 'choose');

  return (
    <FileButton
      className="import-open"
      labelClassName="import-open-button"
      inputLabel="Manifest files"
      text={busy ? 'Opening…' : 'Open manifest files…'}
      multiple
      accept=".yaml,.yml,.zip"
      onFiles={onFiles}
      inputRef={inputRef}
    >
      <span role="status" className="import-notice">{notice ?? ''}</span>
      {hostsDialogs && <ImportDialogs />}
    </FileButton>
  );
}
