export { InstallerMatcher } from './installer-matcher';
export { EditPullRequestButton, LinkedPullRequestBar, OpenPullRequestButton, UpdatePackageButton } from './submit-buttons';
