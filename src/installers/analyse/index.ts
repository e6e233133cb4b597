import { TruncatedError } from './byte-source';
import { isCompoundFile } from './compound-file';
import { analyseMsi } from './msi';
import { analyseMsix } from './msix';
import { analysePe } from './pe';
import { isPe } from './pe-format';
import { failed } from './suggest';
import type { AnalyseOptions, ByteSource, InstallerAnalysis } from './types';
import { analyseZip } from './zip';
import { listZip } from './zip-reader';

export type { AnalyseOptions, ByteSource, InstallerAnalysis, InstallerKind, Suggestion } from './types';
export { blobSource } from './byte-source';

const PACKAGE_MANIFESTS = /^(appxmanifest\.xml|appxmetadata\/appxbundlemanifest\.xml)$/i;
/** Only MSIX/APPX packages have a block map. */
const PACKAGE_SIGNS = /^appxblockmap\.xml$/i;
const PACKAGE_NAME = /\.e?(msix|appx)(bundle)?$/i;

/**
 * Reads what an installer says about itself, from its bytes only. The format comes from magic bytes, not the name
 * (except that a zip named .msix/.appx is judged as the package it claims to be);
 * a malformed or truncated file yields `error`, never an exception.
 */
export async function analyseInstaller(source: ByteSource, fileName: string, options: AnalyseOptions = {}): Promise<InstallerAnalysis> {
  try {
    return await dispatch(source, fileName, options);
  } catch (error) {
    return failed('unknown', error);
  }
}

async function dispatch(source: ByteSource, fileName: string, options: AnalyseOptions, nested = false): Promise<InstallerAnalysis> {
  if (source.size === 0) return failed('unknown', new TruncatedError('The file is empty'));
  const head = await source.read(0, Math.min(8, source.size));
  if (isCompoundFile(head)) return analyseMsi(source);
  if (head[0] === 0x50 && head[1] === 0x4b) {
    const entries = await listZip(source, 'zip');
    // A package without its manifest is still a package (a broken one): the package reader says what is missing.
    const isPackage = PACKAGE_NAME.test(fileName) || entries.some((e) => PACKAGE_MANIFESTS.test(e.path) || PACKAGE_SIGNS.test(e.path));
    if (isPackage) return analyseMsix(source, fileName, entries);
    if (nested) return failed('zip', new TruncatedError('A zip inside a zip cannot be a winget nested installer'));
    return analyseZip(source, entries, options, (s, name) => dispatch(s, name, {}, true));
  }
  if (isPe(head)) return analysePe(source);
  return {
    kind: 'unknown',
    suggestions: [],
    notes: [],
    error: `${fileName} is not an installer Wingsmith can read: it is not an MSI, MSIX/APPX, EXE or zip (the first bytes are ${[...head.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ')})`,
  };
}
