/**
 * A font package as winget-pkgs keeps one under fonts/: JetBrains Mono's release zip, whose .ttf files winget
 * installs (NestedInstallerType font), at ManifestVersion 1.28.0, the newest version and one with the font type.
 * The hashes are made up; nothing downloads them.
 */
export const FONT_ID = 'JetBrains.JetBrainsMono';
export const FONT_VERSION = '2.304';
export const FONT_FOLDER = `fonts/j/JetBrains/JetBrainsMono/${FONT_VERSION}/`;
const MANIFEST_VERSION = '1.28.0';

const header = (type: string): string =>
  `# yaml-language-server: $schema=https://aka.ms/winget-manifest.${type}.${MANIFEST_VERSION}.schema.json\n\n`;
const identity = `PackageIdentifier: ${FONT_ID}\nPackageVersion: '${FONT_VERSION}'\n`;
const footer = (type: string): string => `ManifestType: ${type}\nManifestVersion: ${MANIFEST_VERSION}\n`;

/** The zip with its fonts: the installer the package ships. */
export const ZIP_FONT_INSTALLER = `- Architecture: neutral
  InstallerType: zip
  NestedInstallerType: font
  NestedInstallerFiles:
  - RelativeFilePath: fonts/ttf/JetBrainsMono-Regular.ttf
  - RelativeFilePath: fonts/ttf/JetBrainsMono-Bold.ttf
  - RelativeFilePath: fonts/ttf/JetBrainsMono-Italic.ttf
  InstallerUrl: https://github.com/JetBrains/JetBrainsMono/releases/download/v2.304/JetBrainsMono-2.304.zip
  InstallerSha256: ${'A'.repeat(64)}
`;

/** One font file served on its own (InstallerType font). */
export const TTF_FONT_INSTALLER = `- Architecture: neutral
  InstallerType: font
  InstallerUrl: https://raw.githubusercontent.com/JetBrains/JetBrainsMono/v2.304/fonts/ttf/JetBrainsMono-Regular.ttf
  InstallerSha256: ${'C'.repeat(64)}
`;

/** Not a font installer: with a font installer beside it, the package has no folder in winget-pkgs. */
export const EXE_INSTALLER = `- Architecture: x64
  InstallerType: exe
  InstallerUrl: https://example.com/JetBrainsMono-setup.exe
  InstallerSha256: ${'B'.repeat(64)}
  InstallerSwitches:
    Silent: /S
    SilentWithProgress: /S
`;

/** The files of the package, by name; `installers` replaces the Installers list. */
export function fontManifest(installers: string = ZIP_FONT_INSTALLER): Record<string, string> {
  return {
    [`${FONT_ID}.yaml`]: `${header('version')}${identity}DefaultLocale: en-US\n${footer('version')}`,
    [`${FONT_ID}.installer.yaml`]: `${header('installer')}${identity}Installers:\n${installers}${footer('installer')}`,
    [`${FONT_ID}.locale.en-US.yaml`]: `${header('defaultLocale')}${identity}PackageLocale: en-US
Publisher: JetBrains
PublisherUrl: https://www.jetbrains.com/
PackageName: JetBrains Mono
PackageUrl: https://www.jetbrains.com/lp/mono/
License: OFL-1.1
LicenseUrl: https://github.com/JetBrains/JetBrainsMono/blob/master/OFL.txt
ShortDescription: A typeface for developers
Tags:
- font
- monospace
${footer('defaultLocale')}`,
  };
}

/** The same files as validateManifest and importFiles take them. */
export function fontManifestFiles(installers?: string): { name: string; data: string }[] {
  return Object.entries(fontManifest(installers)).map(([name, data]) => ({ name, data }));
}
