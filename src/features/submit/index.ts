export { InstallerMatcher } from './installer-matcher';
export { EditPullRequestButton, OpenPullRequestButton, UpdatePackageButton } from './submit-buttons';
export { LinkedPullRequestBar } from './linked-pull-request';
