export { ExportZipButton } from './export-zip-button';
export { exportBlocker, zipFileName } from './export-names';
