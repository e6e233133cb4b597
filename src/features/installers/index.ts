import { lazy } from 'react';

// The panel, its rows and the fetch controls load after the first paint: the start screen needs none of them.
export const InstallerFilesPanel = lazy(() => import('./installer-files-panel').then((m) => ({ default: m.InstallerFilesPanel })));
export const InstallerFetch = lazy(() => import('./fetch-controls').then((m) => ({ default: m.InstallerFetch })));
export const FetchInstallersButton = lazy(() => import('./fetch-controls').then((m) => ({ default: m.FetchInstallersButton })));
export { fetchAllInstallers } from './fetch-jobs';
export { InstallerFilesInput } from './installer-files-input';
