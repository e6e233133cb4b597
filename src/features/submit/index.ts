export { InstallerMatcher } from './installer-matcher';
export { OpenPullRequestButton, UpdatePackageButton } from './submit-buttons';
