import type { SourceFile } from './read-sources';
import { isManifestSourceName } from './source-names';

/** A dropped folder is walked at most this deep and this wide, so dropping a whole drive cannot hang the page. */
const MAX_DEPTH = 16;
const MAX_FILES = 5000;

interface DroppedItem {
  entry: FileSystemEntry | null;
  file: File | null;
}

export interface DropScan {
  /** True when at least one item is a .yaml/.yml/.zip file or a folder: only then is the drop ours. */
  relevant: boolean;
  /** Reads the manifest files (folders recursively); other files are left to whoever handles them. */
  collect(): Promise<SourceFile[]>;
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function relativePath(entry: FileSystemEntry): string {
  return entry.fullPath.replace(/^\/+/, '') || entry.name;
}

async function walk(entry: FileSystemEntry, depth: number, out: SourceFile[]): Promise<void> {
  if (out.length >= MAX_FILES) return;
  if (isFile(entry)) {
    if (isManifestSourceName(entry.name)) out.push({ path: relativePath(entry), file: await fileOf(entry) });
    return;
  }
  if (!isDirectory(entry) || depth >= MAX_DEPTH) return;
  const reader = entry.createReader();
  // readEntries hands out a directory in batches (100 at a time in Chromium) until it returns none.
  for (;;) {
    const batch = await readBatch(reader);
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, depth + 1, out);
  }
}

/**
 * Looks at a drop synchronously (the DataTransfer is emptied once the event returns) and says whether it is
 * meant for manifest import; reading the files happens afterwards.
 */
export function scanDrop(transfer: DataTransfer): DropScan {
  const items: DroppedItem[] = [];
  if (transfer.items && transfer.items.length > 0) {
    for (const item of Array.from(transfer.items)) {
      if (item.kind !== 'file') continue;
      // Scripted DataTransfers (and some browsers) have no entries; the plain File is enough for a file.
      const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
      items.push({ entry, file: item.getAsFile() });
    }
  } else {
    for (const file of Array.from(transfer.files)) items.push({ entry: null, file });
  }
  const isOurs = ({ entry, file }: DroppedItem) =>
    (entry !== null && entry.isDirectory) || isManifestSourceName(entry?.name ?? file?.name ?? '');
  const ours = items.filter(isOurs);

  return {
    relevant: ours.length > 0,
    async collect() {
      const out: SourceFile[] = [];
      for (const { entry, file } of ours) {
        if (entry && entry.isDirectory) await walk(entry, 0, out);
        else if (file) out.push({ path: file.name, file });
        else if (entry && isFile(entry)) out.push({ path: entry.name, file: await fileOf(entry) });
      }
      return out;
    },
  };
}
