export { FetchInstallersButton, InstallerFetch } from './fetch-controls';
export { fetchAllInstallers } from './fetch-jobs';
export { InstallerFilesInput } from './installer-files-input';
export { InstallerFilesPanel } from './installer-files-panel';
