export { ManifestFilesInput } from './manifest-files-input';
export { PageDropZone } from './page-drop-zone';
