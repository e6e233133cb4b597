import { useId, type ChangeEvent } from 'react';
import { warmInstallerWorkers } from './installer-jobs';
import { useInstallerFiles } from './use-installer-files';
import './installers.css';

/** `Installer files`: any files; each is hashed (and analysed) locally, nothing is uploaded. */
export function InstallerFilesInput() {
  const inputId = useId();
  const { add } = useInstallerFiles();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    // Cleared so that choosing the same file again hashes it again.
    input.value = '';
    if (files.length > 0) add(files);
  };
  return (
    <span className="installer-open">
      <input id={inputId} className="installer-file-input" type="file" multiple aria-label="Installer files" onChange={onChange} onClick={warmInstallerWorkers} onFocus={warmInstallerWorkers} />
      <label htmlFor={inputId} className="installer-open-button" aria-hidden="true" title="Hashed and analysed in this browser; nothing is uploaded">
        Add installer files…
      </label>
    </span>
  );
}
