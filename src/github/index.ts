export { createGitHubClient, type GitHubClientOptions } from './client';
export {
  DEFAULT_API_BASE_URL,
  DEFAULT_REPOSITORY,
  htmlBaseUrl,
  isLoopbackHost,
  validateSettings,
  type SettingsProblems,
  type SettingsValidation,
} from './settings';
export { STEP_LABELS } from './steps';
export { compareWingetVersions, sortVersionsNewestFirst } from './versions';
export * from './types';
export {
  createReleaseReader,
  parseReleaseAssetUrl,
  parseReleaseInput,
  webHostOf,
  type ReleaseAssetLocation,
  type ReleaseReader,
  type ReleaseReaderSettings,
  type ReleaseReference,
  type ResolvedAsset,
} from './releases';
