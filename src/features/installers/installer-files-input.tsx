import { FileButton } from '../../ui/file-button';
import { warmInstallerWorkers } from './installer-jobs';
import { useInstallerFiles } from './use-installer-files';
import './installers.css';

/** `Installer files`: any files; each is hashed (and analysed) locally, nothing is uploaded. */
export function InstallerFilesInput() {
  const { add } = useInstallerFiles();
  return (
    <FileButton
      className="installer-open"
      labelClassName="installer-open-button"
      inputLabel="Installer files"
      text="Add installer files…"
      title="Hashed and analysed in this browser; nothing is uploaded"
      multiple
      onFiles={add}
      onClick={warmInstallerWorkers}
      onFocus={warmInstallerWorkers}
    />
  );
}
