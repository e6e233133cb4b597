/** GitHub releases as manifest values: the public API of src/core/release. */
export type { ReleaseAsset, ReleaseInfo, RepositoryInfo } from './types';
export { markdownToPlainText } from './markdown-text';
export { RELEASE_NOTES_MAX_LENGTH, releaseNotesFromBody, truncateReleaseNotes } from './release-notes';
export { releaseDateOf, versionFromTag } from './tag-version';
export { fileNameOfUrl, parseReleaseDownload } from './download-url';
export type { ReleaseDownload } from './download-url';
export { architectureFromFileName, isInstallerAsset, traitsOfFileName } from './assets';
export { expectedFileName, mapAssetsToInstallers, previousInstallersOf } from './asset-mapping';
export type { AssetMapping, AssetRow, PreviousInstaller } from './asset-mapping';
export { previousVersionOf } from './previous-version';
export { suggestedIdentifier } from './identifier';
export { repositoryFields, shortDescriptionFrom, tagsFromTopics } from './repository-fields';
export type { RepositoryField } from './repository-fields';
export { applyRelease } from './apply-release';
export type { AppliedRelease, ApplyReleaseInput, FilledField, KeptField } from './apply-release';
