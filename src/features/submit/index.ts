import { lazy } from 'react';

// Only a draft made from a published version shows the matcher; it loads after the first paint.
export const InstallerMatcher = lazy(() => import('./installer-matcher').then((m) => ({ default: m.InstallerMatcher })));
export { EditPullRequestButton, LinkedPullRequestBar, OpenPullRequestButton, UpdatePackageButton } from './submit-buttons';
