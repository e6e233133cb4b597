/**
 * Manifests are kilobytes; past this a file is not read at all, which bounds the time and memory any one file can
 * cost (a 12 MB value still reads, in well under a second). Callers need read no more than one byte past it. A
 * module of its own, so the import and the CLI can read it without loading the reader.
 */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
