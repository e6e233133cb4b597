/** Random access to the installer's bytes without loading it whole (a File/Blob in the worker, a Buffer in tests). */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export type InstallerKind =
  | 'msi'
  | 'wix'
  | 'msix'
  | 'appx'
  | 'msixbundle'
  | 'appxbundle'
  | 'exe'
  | 'inno'
  | 'nullsoft'
  | 'burn'
  | 'portable'
  | 'zip'
  | 'font'
  | 'unknown';

export interface Suggestion {
  /** Manifest key, and where it goes: the installer entry, or the defaultLocale file. */
  field: string;
  target: 'installer' | 'defaultLocale' | 'version';
  /** Typed as the manifest wants it (string, string[], object[]). */
  value: unknown;
  /** Human-readable origin, e.g. "from the MSI Property table", "from AppxManifest.xml", "from the PE version resource". */
  source: string;
  /** True when the analyser is sure (e.g. MSI ProductCode); false for guesses (e.g. exe vs portable). */
  certain: boolean;
  /**
   * Keys inside an object value (AppsAndFeaturesEntries) that the UI should drop when they equal the manifest's
   * PackageVersion, e.g. ['DisplayVersion']: winget wants DisplayVersion only when it differs.
   */
  omitWhenEqualToPackageVersion?: string[];
}

export interface InstallerAnalysis {
  kind: InstallerKind;
  suggestions: Suggestion[];
  /** Per-architecture installers for bundles: each entry is a full suggestion list for one installer. */
  variants?: { label: string; suggestions: Suggestion[] }[];
  /** Archive entries (zip): paths, with the kind guessed from each name/bytes, for NestedInstallerFiles choice. */
  entries?: { path: string; size: number; kind: InstallerKind }[];
  /** Non-fatal notes shown to the user (e.g. "unsigned MSIX: no AppxSignature.p7x"). */
  notes: string[];
  /** A clear message when the file is malformed or truncated; suggestions may be partial. */
  error?: string;
}

export interface AnalyseOptions {
  /** Inside a zip: the entry to analyse as the nested installer. */
  nestedPath?: string;
}
