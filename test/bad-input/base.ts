/* A valid singleton manifest, the starting point most inputs break in one place. */

export const FILE_NAME = 'Contoso.Tool.yaml';

export interface SingletonParts {
  header?: string;
  /** Lines placed after ShortDescription (top-level keys). */
  extra?: string;
  installers?: string;
  manifestType?: string;
  manifestVersion?: string;
}

export const INSTALLER = `- Architecture: x64
  InstallerType: exe
  InstallerUrl: https://example.com/tool-1.2.3.exe
  InstallerSha256: 0000000000000000000000000000000000000000000000000000000000000001
  InstallerSwitches:
    Silent: /S
    SilentWithProgress: /S
`;

export function singleton(parts: SingletonParts = {}): string {
  return `${parts.header ?? '# yaml-language-server: $schema=https://aka.ms/winget-manifest.singleton.1.12.0.schema.json'}
PackageIdentifier: Contoso.Tool
PackageVersion: 1.2.3
PackageLocale: en-US
Publisher: Contoso
PackageName: Contoso Tool
License: MIT
ShortDescription: A tool used to test bad input.
${parts.extra ?? ''}Installers:
${parts.installers ?? INSTALLER}ManifestType: ${parts.manifestType ?? 'singleton'}
ManifestVersion: ${parts.manifestVersion ?? '1.12.0'}
`;
}

/** 1-based line of the first line starting with `prefix` in a text. */
export function lineOf(text: string, prefix: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
}
