export { ImportReleaseButton } from './import-release-button';
export { releaseRepositoryOf } from './release-source';
