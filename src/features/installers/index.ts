export { InstallerFilesInput } from './installer-files-input';
export { InstallerFilesPanel } from './installer-files-panel';
