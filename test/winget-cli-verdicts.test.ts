import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/findings';
import { validateManifest, type ManifestFileInput, type ValidateOptions } from '../src/core/validate/validate-manifest';

/*
 * The winget client's own verdicts, case by case (issue 10).
 *
 * Where the cases come from: microsoft/winget-cli, src/AppInstallerCLITests/YamlManifest.cpp — the manifests of its
 * unit-test data (src/AppInstallerCLITests/TestData) that the tests read with full validation: TEST_CASE
 * ReadGoodManifests / ReadBadManifests / ManifestEncoding (FullValidation and ThrowOnWarning, so a good manifest has
 * nothing to say and a bad one either has an error or, where the test says so, only warnings),
 * ValidateV1*GoodManifestAndVerifyContents (FullValidation without ThrowOnWarning: no error), the 1.10 schema-header
 * test, the shadow-manifest tests, the Authentication test and the localization test; plus
 * MultifileManifestInputValidation, whose multi-file checks the client makes before any validation option applies.
 *
 * The manifests are written anew: none of the client's test-data files is copied. Each format has a base of its own
 * for an imaginary package (Fabrikam), and each case changes it so that it has the same defect as the client's file.
 * `source` names the client's file and test; `expect` is (part of) the message the client's test expects.
 */

type Verdict = 'error' | 'warning' | 'pass';

interface VerdictCase {
  /** `<TestData file> (YamlManifest.cpp <TEST_CASE>)`. */
  source: string;
  verdict: Verdict;
  /** Part of the client's message; for 'error' an error must say it, for 'warning' a warning. */
  expect?: string;
  /**
   * The client reports `expect` as a warning although the file's verdict is an error (another, unrelated error makes
   * the verdict): a warning must say it and some error must exist.
   */
  expectLevel?: 'warning';
  /** The finding's field, named as the manifest spells it (preview keys for a preview manifest). */
  field?: string;
  /** The finding's 1-based line: a number, or the text of the line (its first line containing the text). */
  line?: number | string;
  /** The file the finding is in, when not the first input. */
  file?: string;
  /** The client test counts the errors. */
  errorCount?: number;
  /** The client test does not throw on warnings (FullValidation alone): only errors decide. */
  warningsAllowed?: true;
  /** The client test also reads the package name back (encodings). */
  packageName?: string;
  inputs?: () => ManifestFileInput[];
  skip?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const SHA = {
  a: '3F2B8C1D4E5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0',
  b: 'A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90',
  c: '0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF',
  d: 'FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210',
  e: '1111222233334444555566667777888899990000AAAABBBBCCCCDDDDEEEEFFFF',
  f: '5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A',
  g: 'C0FFEEC0FFEEC0FFEEC0FFEEC0FFEEC0FFEEC0FFEEC0FFEEC0FFEEC0FFEE0000',
  h: '9E8D7C6B5A4938271605F4E3D2C1B0A99E8D7C6B5A4938271605F4E3D2C1B0A9',
} as const;

/** Replaces `from` (which must occur) with `to`. */
function change(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`case edit found no ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function lines(...parts: (string | readonly string[] | false)[]): string[] {
  return parts.flatMap((p) => (p === false ? [] : typeof p === 'string' ? [p] : [...p]));
}

function indent(by: string, block: readonly string[]): string[] {
  return block.map((l) => by + l);
}

// ---------------------------------------------------------------------------------------------------------------
// The preview format (ManifestVersion 0.1.0, or none): one file, Id/Name/Version/..., installers with Arch/Url/Sha256.

const PREVIEW_FILE = 'Fabrikam.Widget.yaml';
// The client's stored preview files say `InstallerType: Zip`, from before archives needed NestedInstallerType and
// NestedInstallerFiles (1.4); today's client checks those for every zip, whatever the ManifestVersion, so a zip
// would hide the defect under archive errors. This base uses msix, which needs nothing else.
// Line numbers are asserted against this layout: 1 Id, 2 Name, 3 Version, 4 Publisher, 5 License, 6 InstallerType,
// 7 Installers, 8 `- Arch`, 9 Url, 10 Sha256, 11 ManifestVersion.
const PREVIEW = `Id: Fabrikam.Widget
Name: Fabrikam Widget
Version: 2.4.1
Publisher: Fabrikam
License: Apache-2.0
InstallerType: Msix
Installers:
  - Arch: x64
    Url: https://downloads.fabrikam.example/widget/2.4.1/widget-x64.msix
    Sha256: ${SHA.a}
ManifestVersion: 0.1.0
`;

/** The base installer's lines, for a second installer of the same kind. */
const PREVIEW_INSTALLER = `  - Arch: x64
    Url: https://downloads.fabrikam.example/widget/2.4.1/widget-x64.msix
    Sha256: ${SHA.a}
`;

function preview(...edits: ((text: string) => string)[]): () => ManifestFileInput[] {
  return () => [{ name: PREVIEW_FILE, data: edits.reduce((t, e) => e(t), PREVIEW) }];
}

const edit = (from: string, to: string) => (text: string) => change(text, from, to);
/** Adds lines right after the License line (the root of the preview manifest). */
const atRoot = (added: string) => edit('License: Apache-2.0\n', `License: Apache-2.0\n${added}`);
/** Adds lines to the first installer (after its Sha256). */
const inInstaller = (added: string) => edit(`    Sha256: ${SHA.a}\n`, `    Sha256: ${SHA.a}\n${added}`);
/** Replaces the installers with the given ones (each a block of `  - Arch:` lines). */
const installers = (...blocks: string[]) => edit(PREVIEW_INSTALLER, blocks.join(''));
const dropLine = (line: string) => edit(`${line}\n`, '');

function previewInstaller(extra: string): string {
  return PREVIEW_INSTALLER + extra;
}

// ---------------------------------------------------------------------------------------------------------------
// v1 singletons: a small base of their own, at the ManifestVersion of the client's file.

const V1_FILE = 'Fabrikam.Toolkit.yaml';

const MSI_INSTALLER = [
  '- Architecture: x64',
  '  InstallerType: msi',
  '  InstallerUrl: https://downloads.fabrikam.example/toolkit/3.1.0/toolkit-x64.msi',
  `  InstallerSha256: ${SHA.b}`,
];

function header(type: string, manifestVersion: string): string {
  return `# yaml-language-server: $schema=https://aka.ms/winget-manifest.${type}.${manifestVersion}.schema.json`;
}

interface SingletonParts {
  /** Replaces the schema-header line (null: none). */
  header?: string | null;
  packageVersion?: string;
  packageLocale?: string;
  /** Root lines after ShortDescription. */
  root?: string[];
  /** The installers, each a block starting `- Architecture:` (indented under `Installers:` here). */
  installers?: string[][];
  manifestType?: string;
}

function singletonText(manifestVersion: string, parts: SingletonParts = {}): string {
  const head = parts.header === undefined ? header('singleton', manifestVersion) : parts.header;
  return `${lines(
    head ?? false,
    'PackageIdentifier: Fabrikam.Toolkit',
    `PackageVersion: ${parts.packageVersion ?? '3.1.0'}`,
    `PackageLocale: ${parts.packageLocale ?? 'en-US'}`,
    'Publisher: Fabrikam',
    'PackageName: Fabrikam Toolkit',
    'License: Apache-2.0',
    'ShortDescription: Builds and packs widgets',
    parts.root ?? [],
    'Installers:',
    (parts.installers ?? [MSI_INSTALLER]).flatMap((block) => indent('  ', block)),
    `ManifestType: ${parts.manifestType ?? 'singleton'}`,
    `ManifestVersion: ${manifestVersion}`,
  ).join('\n')}\n`;
}

function singleton(manifestVersion: string, parts: SingletonParts = {}): () => ManifestFileInput[] {
  return () => [{ name: V1_FILE, data: singletonText(manifestVersion, parts) }];
}

/** A small multi-file set at the given ManifestVersion: the installer file gets `root` lines and `installers`. */
function smallSet(manifestVersion: string, root: string[], installers: string[][]): () => ManifestFileInput[] {
  const id = ['PackageIdentifier: Fabrikam.Toolkit', 'PackageVersion: 3.1.0'];
  const file = (type: string, body: string[]) =>
    `${lines(header(type, manifestVersion), id, body, `ManifestType: ${type}`, `ManifestVersion: ${manifestVersion}`).join('\n')}\n`;
  return () => [
    { name: 'Fabrikam.Toolkit.yaml', data: file('version', ['DefaultLocale: en-US']) },
    { name: 'Fabrikam.Toolkit.installer.yaml', data: file('installer', lines(root, 'Installers:', installers.flatMap((b) => indent('  ', b)))) },
    {
      name: 'Fabrikam.Toolkit.locale.en-US.yaml',
      data: file('defaultLocale', ['PackageLocale: en-US', 'Publisher: Fabrikam', 'PackageName: Fabrikam Toolkit', 'License: Apache-2.0', 'ShortDescription: Builds and packs widgets']),
    },
  ];
}

const EXE_SWITCHES = ['InstallerSwitches:', '  Silent: /quiet', '  SilentWithProgress: /passive'];

function installer(arch: string, type: string, url: string, sha: string, ...extra: string[]): string[] {
  return [`- Architecture: ${arch}`, `  InstallerType: ${type}`, `  InstallerUrl: ${url}`, `  InstallerSha256: ${sha}`, ...extra.map((l) => `  ${l}`)];
}

const ZIP_URL = 'https://downloads.fabrikam.example/toolkit/3.1.0/toolkit-x64.zip';

// ---------------------------------------------------------------------------------------------------------------
// A rich v1 manifest per ManifestVersion, as a singleton and as a multi-file set: the fields the client's
// ValidateV1*GoodManifestAndVerifyContents reads back (VerifyV1ManifestContent), introduced version by version.

const V1_MINORS = [0, 1, 2, 4, 5, 6, 7, 9, 10] as const;
type V1Minor = (typeof V1_MINORS)[number];

function clientName(minor: V1Minor): string {
  return minor === 0 ? 'V1' : `V1_${minor}`;
}

function localeLines(m: V1Minor, uk: boolean): string[] {
  const sfx = uk ? ' UK' : '';
  const url = (p: string) => `https://www.fabrikam.example${uk ? '/uk' : ''}${p}`;
  return lines(
    `PackageLocale: ${uk ? 'en-GB' : 'en-US'}`,
    `Publisher: Fabrikam${sfx}`,
    `PublisherUrl: ${url('/')}`,
    `PublisherSupportUrl: ${url('/support')}`,
    `PrivacyUrl: ${url('/privacy')}`,
    `Author: Fabrikam Labs${sfx}`,
    `PackageName: Fabrikam Toolkit${sfx}`,
    `PackageUrl: ${url('/toolkit')}`,
    `License: Apache-2.0${sfx}`,
    `LicenseUrl: ${url('/toolkit/license')}`,
    `Copyright: Copyright (c) Fabrikam${sfx}`,
    `CopyrightUrl: ${url('/toolkit/copyright')}`,
    `ShortDescription: Builds and packs widgets${sfx}`,
    `Description: Fabrikam Toolkit builds widgets from their sources and packs them for shipping${sfx}.`,
    !uk && 'Moniker: fabtool',
    'Tags:',
    `  - widgets${uk ? '-uk' : ''}`,
    `  - packaging${uk ? '-uk' : ''}`,
    m >= 1 && [
      `ReleaseNotes: The first release${sfx}`,
      `ReleaseNotesUrl: ${url('/toolkit/notes')}`,
      'Agreements:',
      `  - AgreementLabel: Terms${sfx}`,
      '    Agreement: Use at your own risk.',
      `    AgreementUrl: ${url('/toolkit/terms')}`,
    ],
    m >= 2 && [
      `PurchaseUrl: ${url('/toolkit/buy')}`,
      'InstallationNotes: Open a new shell after installing.',
      'Documentations:',
      '  - DocumentLabel: Getting started',
      `    DocumentUrl: ${url('/toolkit/docs')}`,
    ],
    m >= 5 && [
      'Icons:',
      `  - IconUrl: ${url(uk ? '/toolkit/icon.png' : '/toolkit/icon.ico')}`,
      `    IconFileType: ${uk ? 'png' : 'ico'}`,
      `    IconResolution: ${uk ? '32x32' : 'custom'}`,
      `    IconTheme: ${uk ? 'light' : 'default'}`,
      `    IconSha256: ${uk ? SHA.h : SHA.c}`,
    ],
  );
}

function installerRootLines(m: V1Minor): string[] {
  return lines(
    'InstallerLocale: en-US',
    'Platform:',
    '  - Windows.Desktop',
    '  - Windows.Universal',
    'MinimumOSVersion: 10.0.0.0',
    'InstallerType: exe',
    'Scope: machine',
    'InstallModes:',
    '  - interactive',
    '  - silent',
    '  - silentWithProgress',
    'InstallerSwitches:',
    '  Custom: /custom',
    '  SilentWithProgress: /passive',
    '  Silent: /quiet',
    '  Interactive: /interactive',
    '  Log: /log=<LOGPATH>',
    '  InstallLocation: /dir=<INSTALLPATH>',
    '  Upgrade: /upgrade',
    m >= 7 && '  Repair: /repair',
    'InstallerSuccessCodes:',
    '  - 1',
    '  - 0x80070005',
    'UpgradeBehavior: uninstallPrevious',
    m >= 7 && 'RepairBehavior: modify',
    'Commands:',
    '  - fabtool',
    '  - fabpack',
    'Protocols:',
    '  - fabrikam',
    '  - fabtool',
    'FileExtensions:',
    '  - fab',
    '  - fabx',
    'Dependencies:',
    '  WindowsFeatures:',
    '    - IIS',
    '  WindowsLibraries:',
    '    - VC Runtime',
    '  PackageDependencies:',
    '    - PackageIdentifier: Fabrikam.Runtime',
    '      MinimumVersion: 1.0.0',
    '  ExternalDependencies:',
    '    - A widget printer',
    'Capabilities:',
    '  - internetClient',
    'RestrictedCapabilities:',
    '  - runFullTrust',
    'PackageFamilyName: Fabrikam.Toolkit_8wekyb3d8bbwe',
    "ProductCode: '{6B1C2A3D-0000-4000-8000-00000000F001}'",
    m >= 1 && [
      'ReleaseDate: 2021-01-01',
      'InstallerAbortsTerminal: true',
      'InstallLocationRequired: true',
      'RequireExplicitUpgrade: true',
      m >= 2 && 'DisplayInstallWarnings: true',
      'ElevationRequirement: elevatesSelf',
      'UnsupportedOSArchitectures:',
      '  - arm',
      'AppsAndFeaturesEntries:',
      '  - DisplayName: Fabrikam Toolkit',
      '    DisplayVersion: 3.1.0',
      '    Publisher: Fabrikam',
      "    ProductCode: '{6B1C2A3D-0000-4000-8000-00000000F001}'",
      "    UpgradeCode: '{6B1C2A3D-0000-4000-8000-00000000F0FF}'",
      '    InstallerType: exe',
      'Markets:',
      '  AllowedMarkets:',
      '    - US',
      'ExpectedReturnCodes:',
      '  - InstallerReturnCode: 10',
      '    ReturnResponse: packageInUse',
      m >= 2 && '    ReturnResponseUrl: https://www.fabrikam.example/toolkit/in-use',
      m >= 2 && ['UnsupportedArguments:', '  - log'],
    ].filter((l): l is string | string[] => l !== false).flat(),
    m >= 4 && [
      'NestedInstallerType: msi',
      'NestedInstallerFiles:',
      '  - RelativeFilePath: setup/toolkit.msi',
      'InstallationMetadata:',
      "  DefaultInstallLocation: '%ProgramFiles%\\Fabrikam\\Toolkit'",
      '  Files:',
      '    - RelativeFilePath: fabtool.exe',
      `      FileSha256: ${SHA.d}`,
      '      FileType: launch',
      '      InvocationParameter: /start',
      '      DisplayName: Fabrikam Tool',
    ],
    m >= 6 && 'DownloadCommandProhibited: true',
    m >= 9 && 'ArchiveBinariesDependOnPath: true',
  );
}

const TOOLKIT_URL = 'https://downloads.fabrikam.example/toolkit/3.1.0';

function richInstallers(m: V1Minor, singletonOnly: boolean): string[][] {
  const msix = lines(
    '- Architecture: x86',
    '  InstallerLocale: en-GB',
    '  Platform:',
    '    - Windows.Desktop',
    '  MinimumOSVersion: 10.0.1.0',
    '  InstallerType: msix',
    `  InstallerUrl: ${TOOLKIT_URL}/toolkit-x86.msix`,
    `  InstallerSha256: ${SHA.a}`,
    `  SignatureSha256: ${SHA.b}`,
    '  Scope: user',
    '  InstallModes:',
    '    - interactive',
    '  InstallerSwitches:',
    '    Custom: /c',
    '    SilentWithProgress: /p',
    '    Silent: /q',
    '    Interactive: /i',
    '    Log: /l=<LOGPATH>',
    '    InstallLocation: /d=<INSTALLPATH>',
    '    Upgrade: /u',
    m >= 7 && '    Repair: /r',
    '  UpgradeBehavior: install',
    '  Commands:',
    '    - fabtool-preview',
    '    - fabpack-preview',
    '  Protocols:',
    '    - fabrikam-preview',
    '  FileExtensions:',
    '    - fabp',
    '  Dependencies:',
    '    WindowsFeatures:',
    '      - IIS',
    '    WindowsLibraries:',
    '      - VC Runtime Preview',
    '    PackageDependencies:',
    '      - PackageIdentifier: Fabrikam.RuntimePreview',
    '        MinimumVersion: 1.0.0',
    '    ExternalDependencies:',
    '      - A preview widget printer',
    '  PackageFamilyName: Fabrikam.ToolkitPreview_8wekyb3d8bbwe',
    '  Capabilities:',
    '    - internetClient',
    '  RestrictedCapabilities:',
    '    - runFullTrust',
    m >= 1 && [
      '  ReleaseDate: 2021-02-02',
      '  InstallerAbortsTerminal: false',
      '  InstallLocationRequired: false',
      '  RequireExplicitUpgrade: false',
      '  ElevationRequirement: elevationRequired',
      '  UnsupportedOSArchitectures:',
      '    - arm64',
      '  Markets:',
      '    ExcludedMarkets:',
      '      - US',
      '  ExpectedReturnCodes:',
      '    - InstallerReturnCode: 2',
      '      ReturnResponse: contactSupport',
    ],
    m >= 2 && [
      '    - InstallerReturnCode: 3',
      '      ReturnResponse: custom',
      '      ReturnResponseUrl: https://www.fabrikam.example/toolkit/help',
      '  DisplayInstallWarnings: false',
      '  UnsupportedArguments:',
      '    - location',
    ],
    m >= 4 && [
      '  InstallationMetadata:',
      "    DefaultInstallLocation: '%ProgramFiles%\\Fabrikam\\Toolkit'",
      '    Files:',
      '      - RelativeFilePath: fabtool.exe',
      `        FileSha256: ${SHA.d}`,
      '        FileType: launch',
      '        InvocationParameter: /start',
      '        DisplayName: Fabrikam Tool',
    ],
    m >= 6 && '  DownloadCommandProhibited: false',
    m >= 9 && '  ArchiveBinariesDependOnPath: false',
  );
  if (singletonOnly) return [msix];
  const exe = lines(
    installer('x64', 'exe', `${TOOLKIT_URL}/toolkit-x64.exe`, SHA.c, "ProductCode: '{6B1C2A3D-0000-4000-8000-00000000F002}'"),
    m >= 6 && '  UpgradeBehavior: deny',
    m >= 7 && ['  RepairBehavior: uninstaller', '  InstallerSwitches:', '    Repair: /r'],
  );
  const result = [msix, exe];
  if (m >= 2) {
    result.push(
      installer(
        'x86',
        'portable',
        `${TOOLKIT_URL}/fabtool-x86.exe`,
        SHA.e,
        'Commands:',
        '  - fabtool',
        'ExpectedReturnCodes:',
        '  - InstallerReturnCode: 11',
        '    ReturnResponse: custom',
        '    ReturnResponseUrl: https://www.fabrikam.example/toolkit/help',
        'DisplayInstallWarnings: false',
        'UnsupportedArguments:',
        '  - log',
      ),
    );
  }
  if (m >= 4) {
    result.push(
      installer(
        'x64',
        'zip',
        ZIP_URL,
        SHA.f,
        "ProductCode: '{6B1C2A3D-0000-4000-8000-00000000F004}'",
        'NestedInstallerType: portable',
        'NestedInstallerFiles:',
        '  - RelativeFilePath: bin/fabtool.exe',
        '    PortableCommandAlias: fabtool',
        '  - RelativeFilePath: bin/fabpack.exe',
        '    PortableCommandAlias: fabpack',
        'InstallationMetadata:',
        "  DefaultInstallLocation: '%ProgramFiles%\\Fabrikam\\Toolkit2'",
        '  Files:',
        '    - RelativeFilePath: helper.exe',
        `      FileSha256: ${SHA.g}`,
        '      FileType: other',
        '      InvocationParameter: /helper',
        '      DisplayName: Toolkit helper',
      ),
    );
  }
  if (m >= 7) {
    result.push(
      installer(
        'x64',
        'burn',
        `${TOOLKIT_URL}/toolkit-bundle-x64.exe`,
        SHA.h,
        "ProductCode: '{6B1C2A3D-0000-4000-8000-00000000F005}'",
        'InstallerSwitches:',
        '  Repair: /repair',
        'RepairBehavior: modify',
      ),
    );
  }
  return result;
}

function richSingleton(m: V1Minor): ManifestFileInput[] {
  const mv = `1.${m}.0`;
  const text = lines(
    header('singleton', mv),
    'PackageIdentifier: Fabrikam.Toolkit',
    'PackageVersion: 3.1.0',
    localeLines(m, false),
    installerRootLines(m),
    'Installers:',
    richInstallers(m, true).flatMap((b) => indent('  ', b)),
    'ManifestType: singleton',
    `ManifestVersion: ${mv}`,
  );
  return [{ name: V1_FILE, data: `${text.join('\n')}\n` }];
}

const MULTI = {
  version: 'Fabrikam.Toolkit.yaml',
  installer: 'Fabrikam.Toolkit.installer.yaml',
  defaultLocale: 'Fabrikam.Toolkit.locale.en-US.yaml',
  locale: 'Fabrikam.Toolkit.locale.en-GB.yaml',
} as const;

interface MultiFileSet {
  version: string;
  installer: string;
  defaultLocale: string;
  locale: string;
}

function richMultiFile(m: V1Minor): MultiFileSet {
  const mv = `1.${m}.0`;
  const id = ['PackageIdentifier: Fabrikam.Toolkit', 'PackageVersion: 3.1.0'];
  const file = (type: string, body: string[]) => `${lines(header(type, mv), id, body, `ManifestType: ${type}`, `ManifestVersion: ${mv}`).join('\n')}\n`;
  return {
    version: file('version', ['DefaultLocale: en-US']),
    installer: file('installer', lines(installerRootLines(m), 'Installers:', richInstallers(m, false).flatMap((b) => indent('  ', b)))),
    defaultLocale: file('defaultLocale', localeLines(m, false)),
    locale: file('locale', localeLines(m, true)),
  };
}

function multiInputs(set: MultiFileSet, ...extra: ManifestFileInput[]): ManifestFileInput[] {
  return [
    { name: MULTI.version, data: set.version },
    { name: MULTI.installer, data: set.installer },
    { name: MULTI.defaultLocale, data: set.defaultLocale },
    { name: MULTI.locale, data: set.locale },
    ...extra,
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Encodings (ManifestEncoding): the preview base with a non-ASCII package name, stored seven ways.

const ENCODED_NAME = 'Fabrikam Widget\u00a9';
const ENCODED_TEXT = change(PREVIEW, 'Name: Fabrikam Widget', `Name: ${ENCODED_NAME}`);

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let i = 0;
  if (bom) {
    out[i++] = bigEndian ? 0xfe : 0xff;
    out[i++] = bigEndian ? 0xff : 0xfe;
  }
  for (let k = 0; k < text.length; k++) {
    const unit = text.charCodeAt(k);
    out[i++] = bigEndian ? unit >> 8 : unit & 0xff;
    out[i++] = bigEndian ? unit & 0xff : unit >> 8;
  }
  return out;
}

function ansi(text: string): Uint8Array {
  // The text is ASCII plus U+00A9, which Windows-1252 stores as the byte 0xA9.
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

function encoded(data: Uint8Array): () => ManifestFileInput[] {
  return () => [{ name: PREVIEW_FILE, data }];
}

const utf8 = new TextEncoder().encode(ENCODED_TEXT);

// ---------------------------------------------------------------------------------------------------------------
// The cases

const RBM = 'YamlManifest.cpp ReadBadManifests';
const RGM = 'YamlManifest.cpp ReadGoodManifests';

const readGoodManifests: VerdictCase[] = [
  {
    source: `Manifest-Good-InstallerTypeExeRoot-Silent.yaml (${RGM})`,
    verdict: 'pass',
    inputs: preview(edit('InstallerType: Msix', 'InstallerType: Exe'), inInstaller('    Switches:\n      Silent: /quiet\n      SilentWithProgress: /passive\n')),
  },
  {
    source: `Manifest-Good-InstallerTypeExeRoot-SilentRoot.yaml (${RGM})`,
    verdict: 'pass',
    inputs: preview(edit('InstallerType: Msix', 'InstallerType: Exe'), atRoot('Switches:\n  Silent: /quiet\n  SilentWithProgress: /passive\n')),
  },
  {
    source: `Manifest-Good-InstallerTypeExe-Silent.yaml (${RGM})`,
    verdict: 'pass',
    inputs: preview(dropLine('InstallerType: Msix'), inInstaller('    InstallerType: Exe\n    Switches:\n      Silent: /quiet\n      SilentWithProgress: /passive\n')),
  },
  {
    source: `Manifest-Good-InstallerTypeExe-SilentRoot.yaml (${RGM})`,
    verdict: 'pass',
    inputs: preview(dropLine('InstallerType: Msix'), atRoot('Switches:\n  Silent: /quiet\n  SilentWithProgress: /passive\n'), inInstaller('    InstallerType: Exe\n')),
  },
  {
    // The client's file is not in the stored copy of its test data; reproduced from its name: two installers of one
    // architecture, one with a Language and one without.
    source: `Manifest-Good-InstallerUniqueness-DefaultLang.yaml (${RGM})`,
    verdict: 'pass',
    inputs: preview(installers(previewInstaller('    Language: en-US\n'), PREVIEW_INSTALLER)),
  },
  {
    // Not in the stored copy either; reproduced from its name: the same architecture in two languages.
    source: `Manifest-Good-InstallerUniqueness-DiffLangs.yaml (${RGM})`,
    verdict: 'pass',
    inputs: preview(installers(previewInstaller('    Language: en-US\n'), previewInstaller('    Language: fr-FR\n'))),
  },
  {
    source: `Manifest-Good-InstallerUniqueness-DiffScope.yaml (${RGM})`,
    verdict: 'pass',
    inputs: preview(installers(previewInstaller('    Scope: user\n'), previewInstaller('    Scope: machine\n'))),
  },
  {
    // The client's minimum has a prerelease version with a leading zero.
    source: `Manifest-Good-Minimum.yaml (${RGM})`,
    verdict: 'pass',
    inputs: preview(edit('Version: 2.4.1', 'Version: 2.04.1-beta')),
  },
  {
    source: `Manifest-Good-Minimum-InstallerType.yaml (${RGM})`,
    verdict: 'pass',
    inputs: preview(dropLine('InstallerType: Msix'), inInstaller('    InstallerType: Msix\n')),
  },
  {
    source: `Manifest-Good-Switches.yaml (${RGM})`,
    verdict: 'pass',
    inputs: preview(atRoot('Switches:\n  SilentWithProgress: /passive\n'), inInstaller('    Switches:\n      Silent: /quiet\n')),
  },
  {
    // An msi whose InstallerSuccessCodes repeat the msi's default expected return codes.
    source: `Manifest-Good-DefaultExpectedReturnCodeInInstallerSuccessCodes.yaml (${RGM})`,
    verdict: 'pass',
    inputs: singleton('1.1.0', { root: ['InstallerSuccessCodes:', '  - 1603', '  - 3010'] }),
  },
];

const readBadManifests: VerdictCase[] = [
  {
    source: `Manifest-Bad-ArchInvalid.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Invalid field value. [Architecture]',
    field: 'Installers[0].Arch',
    line: 8,
    inputs: preview(edit('- Arch: x64', '- Arch: Sparc64')),
  },
  {
    source: `Manifest-Bad-ArchMissing.yaml (${RBM})`,
    verdict: 'error',
    expect: "Missing required property 'Arch'",
    field: 'Installers[0].Arch',
    line: 8,
    inputs: preview(edit('  - Arch: x64\n    Url:', '  - Url:')),
  },
  {
    source: `Manifest-Bad-Channel-NotSupported.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Field is not supported. [Channel]',
    field: 'Channel',
    line: 6,
    inputs: preview(atRoot('Channel: stable\n')),
  },
  {
    source: `Manifest-Bad-DifferentCase-camelCase.yaml (${RBM})`,
    verdict: 'error',
    expect: 'All field names should be PascalCased. [installerType]',
    field: 'InstallerType',
    line: 6,
    inputs: preview(edit('InstallerType: Msix', 'installerType: Msix')),
  },
  {
    source: `Manifest-Bad-DifferentCase-lower.yaml (${RBM})`,
    verdict: 'error',
    expect: 'All field names should be PascalCased. [installertype]',
    field: 'InstallerType',
    line: 6,
    inputs: preview(edit('InstallerType: Msix', 'installertype: Msix')),
  },
  {
    source: `Manifest-Bad-DifferentCase-UPPER.yaml (${RBM})`,
    verdict: 'error',
    expect: 'All field names should be PascalCased. [INSTALLERTYPE]',
    field: 'InstallerType',
    line: 6,
    inputs: preview(edit('InstallerType: Msix', 'INSTALLERTYPE: Msix')),
  },
  {
    source: `Manifest-Bad-DuplicateKey.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Duplicate field found in the manifest.',
    field: 'Id',
    line: 2,
    inputs: preview(edit('Id: Fabrikam.Widget\n', 'Id: Fabrikam.Widget\nId: Fabrikam.Widget\n')),
  },
  {
    source: `Manifest-Bad-DuplicateKey-DifferentCase.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Duplicate field found in the manifest.',
    field: 'InstallerType',
    line: 7,
    inputs: preview(edit('InstallerType: Msix\n', 'InstallerType: Msix\ninstallerType: Msix\n')),
  },
  {
    source: `Manifest-Bad-DuplicateKey-DifferentCase-lower.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Duplicate field found in the manifest.',
    field: 'InstallerType',
    line: 7,
    inputs: preview(edit('InstallerType: Msix\n', 'InstallerType: Msix\ninstallertype: Msix\n')),
  },
  {
    source: `Manifest-Bad-DuplicateReturnCode-ExpectedCodes.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Duplicate installer return code found.',
    inputs: singleton('1.1.0', {
      root: EXE_SWITCHES,
      installers: [
        installer('x86', 'exe', 'https://downloads.fabrikam.example/toolkit/3.1.0/toolkit-x86.exe', SHA.c,
          'ExpectedReturnCodes:', '  - InstallerReturnCode: 5', '    ReturnResponse: packageInUse', '  - InstallerReturnCode: 5', '    ReturnResponse: installInProgress'),
      ],
    }),
  },
  {
    source: `Manifest-Bad-DuplicateReturnCode-SuccessCodes.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Duplicate installer return code found.',
    inputs: singleton('1.1.0', {
      root: EXE_SWITCHES,
      installers: [
        installer('x86', 'exe', 'https://downloads.fabrikam.example/toolkit/3.1.0/toolkit-x86.exe', SHA.c,
          'InstallerSuccessCodes:', '  - 5', 'ExpectedReturnCodes:', '  - InstallerReturnCode: 5', '    ReturnResponse: packageInUse'),
      ],
    }),
  },
  {
    source: `Manifest-Bad-IdInvalid.yaml (${RBM})`,
    verdict: 'error',
    expect: "Failed to validate against schema associated with property name 'Id'",
    field: 'Id',
    line: 1,
    inputs: preview(edit('Id: Fabrikam.Widget', 'Id: Fab ri kam.Widget')),
  },
  {
    source: `Manifest-Bad-IdMissing.yaml (${RBM})`,
    verdict: 'error',
    expect: "Missing required property 'Id'",
    field: 'Id',
    inputs: preview(dropLine('Id: Fabrikam.Widget')),
  },
  {
    source: `Manifest-Bad-InstallersMissing.yaml (${RBM})`,
    verdict: 'error',
    expect: "Missing required property 'Installers'",
    field: 'Installers',
    inputs: preview(edit(`Installers:\n${PREVIEW_INSTALLER}`, '')),
  },
  {
    source: `Manifest-Bad-InstallerTypeExe-NoSilent.yaml (${RBM})`,
    verdict: 'warning',
    expect: 'Silent and SilentWithProgress switches are not specified for InstallerType exe.',
    inputs: preview(dropLine('InstallerType: Msix'), inInstaller('    InstallerType: Exe\n    Switches:\n      Interactive: /interactive\n')),
  },
  {
    source: `Manifest-Bad-InstallerTypeExe-NoSilentRoot.yaml (${RBM})`,
    verdict: 'warning',
    expect: 'Silent and SilentWithProgress switches are not specified for InstallerType exe.',
    inputs: preview(dropLine('InstallerType: Msix'), atRoot('Switches:\n  Interactive: /interactive\n'), inInstaller('    InstallerType: Exe\n')),
  },
  {
    source: `Manifest-Bad-InstallerTypeExeRoot-NoSilent.yaml (${RBM})`,
    verdict: 'warning',
    expect: 'Silent and SilentWithProgress switches are not specified for InstallerType exe.',
    inputs: preview(edit('InstallerType: Msix', 'InstallerType: Exe'), inInstaller('    Switches:\n      Interactive: /interactive\n')),
  },
  {
    source: `Manifest-Bad-InstallerTypeExeRoot-NoSilentRoot.yaml (${RBM})`,
    verdict: 'warning',
    expect: 'Silent and SilentWithProgress switches are not specified for InstallerType exe.',
    inputs: preview(edit('InstallerType: Msix', 'InstallerType: Exe'), atRoot('Switches:\n  Interactive: /interactive\n')),
  },
  {
    source: `Manifest-Bad-InstallerTypeInvalid.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Invalid field value. [InstallerType]',
    field: 'InstallerType',
    line: 6,
    inputs: preview(edit('InstallerType: Msix', 'InstallerType: Tarball')),
  },
  {
    source: `Manifest-Bad-InstallerTypeMissing.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Invalid field value. [InstallerType]',
    field: 'Installers[0].InstallerType',
    line: 7,
    inputs: preview(dropLine('InstallerType: Msix')),
  },
  {
    // The client's file is a singleton with two installers (which the singleton schema does not allow either); here
    // the two installers are in a multi-file set, so that the root entries and the installer's own are both tried.
    source: `Manifest-Bad-InstallerTypePortable-InvalidAppsAndFeatures.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Only zero or one entry for Apps and Features may be specified for InstallerType portable.',
    inputs: smallSet('1.2.0', ['AppsAndFeaturesEntries:', '  - DisplayName: Fabrikam Tool', '  - DisplayName: Fabrikam Tool (beta)'], [
      installer('x64', 'portable', `${TOOLKIT_URL}/fabtool-x64.exe`, SHA.c),
      installer('x86', 'portable', `${TOOLKIT_URL}/fabtool-x86.exe`, SHA.d,
        'AppsAndFeaturesEntries:', '  - DisplayName: Fabrikam Tool 32-bit', '  - DisplayName: Fabrikam Tool 32-bit (beta)'),
    ]),
  },
  {
    // Two installers as above.
    source: `Manifest-Bad-InstallerTypePortable-InvalidCommands.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Only zero or one value for Commands may be specified for InstallerType portable.',
    inputs: smallSet('1.2.0', ['Commands:', '  - fabtool', '  - ft'], [
      installer('x64', 'portable', `${TOOLKIT_URL}/fabtool-x64.exe`, SHA.c),
      installer('x86', 'portable', `${TOOLKIT_URL}/fabtool-x86.exe`, SHA.d, 'Commands:', '  - fabtool32', '  - ft32'),
    ]),
  },
  {
    // The client reports Scope on a portable installer as a warning; its file's verdict is an error because of
    // something else: it spells the Scope values capitalized (`User`, `Machine`), which the schema's enum rejects (and
    // it is a singleton with two installers). The capitalized root Scope is reproduced; two installers as above.
    source: `Manifest-Bad-InstallerTypePortable-InvalidScope.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Scope is not supported for InstallerType portable.',
    expectLevel: 'warning',
    inputs: smallSet('1.2.0', ['Scope: User'], [
      installer('x64', 'portable', `${TOOLKIT_URL}/fabtool-x64.exe`, SHA.c, 'Scope: machine'),
      installer('x86', 'portable', `${TOOLKIT_URL}/fabtool-x86.exe`, SHA.d),
    ]),
  },
  {
    source: `Manifest-Bad-InstallerTypeZip-DuplicateCommandAlias.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Duplicate portable command alias found.',
    inputs: singleton('1.4.0', {
      installers: [
        installer('x64', 'zip', ZIP_URL, SHA.c, 'NestedInstallerType: portable', 'NestedInstallerFiles:',
          '  - RelativeFilePath: bin/fabtool.exe', '    PortableCommandAlias: FABTOOL', '  - RelativeFilePath: bin/fabpack.exe', '    PortableCommandAlias: fabtool'),
      ],
    }),
  },
  {
    source: `Manifest-Bad-InstallerTypeZip-DuplicateRelativeFilePath.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Duplicate relative file path found.',
    inputs: singleton('1.4.0', {
      installers: [
        installer('x64', 'zip', ZIP_URL, SHA.c, 'NestedInstallerType: portable', 'NestedInstallerFiles:',
          '  - RelativeFilePath: bin/FabTool.exe', '    PortableCommandAlias: fabtool', '  - RelativeFilePath: bin/fabtool.exe', '    PortableCommandAlias: fabtool2'),
      ],
    }),
  },
  {
    source: `Manifest-Bad-InstallerTypeZip-InvalidRelativeFilePath.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Relative file path must not point to a location outside of archive directory',
    inputs: singleton('1.4.0', {
      installers: [installer('x64', 'zip', ZIP_URL, SHA.c, 'NestedInstallerType: exe', 'NestedInstallerFiles:', '  - RelativeFilePath: ../../setup.exe')],
    }),
  },
  {
    source: `Manifest-Bad-InstallerTypeZip-MissingRelativeFilePath.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Required field missing. [RelativeFilePath]',
    inputs: singleton('1.4.0', {
      installers: [installer('x64', 'zip', ZIP_URL, SHA.c, 'NestedInstallerType: exe', 'NestedInstallerFiles:', '  - PortableCommandAlias: fabsetup')],
    }),
  },
  {
    source: `Manifest-Bad-InstallerTypeZip-MultipleNestedInstallers.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Only one entry for NestedInstallerFiles can be specified for non-portable InstallerTypes.',
    inputs: singleton('1.4.0', {
      installers: [
        installer('x64', 'zip', ZIP_URL, SHA.c, 'NestedInstallerType: msi', 'NestedInstallerFiles:', '  - RelativeFilePath: toolkit.msi', '  - RelativeFilePath: toolkit-extras.msi'),
      ],
    }),
  },
  {
    source: `Manifest-Bad-InstallerTypeZip-NoNestedInstallerFile.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Required field missing. [NestedInstallerFiles]',
    inputs: singleton('1.4.0', { installers: [installer('x64', 'zip', ZIP_URL, SHA.c, 'NestedInstallerType: exe')] }),
  },
  {
    source: `Manifest-Bad-InstallerTypeZip-NoNestedInstallerType.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Required field missing. [NestedInstallerType]',
    inputs: singleton('1.4.0', {
      installers: [installer('x64', 'zip', ZIP_URL, SHA.c, 'NestedInstallerFiles:', '  - RelativeFilePath: bin/fabtool.exe', '    PortableCommandAlias: fabtool')],
    }),
  },
  {
    source: `Manifest-Bad-InstallerUniqueness.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Duplicate installer entry found.',
    inputs: preview(installers(previewInstaller('    Language: en-US\n    Scope: user\n'), previewInstaller('    Language: en-US\n    Scope: user\n'))),
  },
  {
    // Only the second installer names a scope (user); the client's file says a missing scope counts as user here.
    source: `Manifest-Bad-InstallerUniqueness-DefaultScope.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Duplicate installer entry found.',
    inputs: preview(installers(PREVIEW_INSTALLER, previewInstaller('    Scope: user\n'))),
  },
  {
    source: `Manifest-Bad-InstallerUniqueness-DefaultValues.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Duplicate installer entry found.',
    inputs: preview(installers(PREVIEW_INSTALLER, PREVIEW_INSTALLER)),
  },
  {
    source: `Manifest-Bad-InstallerUniqueness-SameLang.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Duplicate installer entry found.',
    inputs: preview(installers(previewInstaller('    Language: fr-FR\n'), previewInstaller('    Language: fr-FR\n'))),
  },
  {
    source: `Manifest-Bad-LicenseMissing.yaml (${RBM})`,
    verdict: 'error',
    expect: "Missing required property 'License'",
    field: 'License',
    inputs: preview(dropLine('License: Apache-2.0')),
  },
  {
    source: `Manifest-Bad-NameMissing.yaml (${RBM})`,
    verdict: 'error',
    expect: "Missing required property 'Name'",
    field: 'Name',
    inputs: preview(dropLine('Name: Fabrikam Widget')),
  },
  {
    source: `Manifest-Bad-PublisherMissing.yaml (${RBM})`,
    verdict: 'error',
    expect: "Missing required property 'Publisher'",
    field: 'Publisher',
    inputs: preview(dropLine('Publisher: Fabrikam')),
  },
  {
    source: `Manifest-Bad-Sha256Invalid.yaml (${RBM})`,
    verdict: 'error',
    expect: "Failed to validate against schema associated with property name 'Sha256'",
    field: 'Installers[0].Sha256',
    line: 10,
    inputs: preview(edit(`Sha256: ${SHA.a}`, 'Sha256: 3F2B8C1D')),
  },
  {
    source: `Manifest-Bad-Sha256Missing.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Required field missing. [InstallerSha256]',
    field: 'Installers[0].Sha256',
    line: 8,
    inputs: preview(dropLine(`    Sha256: ${SHA.a}`)),
  },
  {
    source: `Manifest-Bad-SwitchInvalid.yaml (${RBM})`,
    verdict: 'warning',
    expect: 'Unknown field. [NotASwitch]',
    field: 'Switches.NotASwitch',
    line: 7,
    inputs: preview(atRoot('Switches:\n  NotASwitch: /whatever\n')),
  },
  {
    source: `Manifest-Bad-UnknownProperty.yaml (${RBM})`,
    verdict: 'warning',
    expect: 'Unknown field. [Fake]',
    field: 'Fake',
    line: 11,
    inputs: preview(edit('ManifestVersion: 0.1.0', 'Fake: not a field\nManifestVersion: 0.1.0')),
  },
  {
    source: `Manifest-Bad-UnsupportedVersion.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Unsupported ManifestVersion',
    field: 'ManifestVersion',
    line: 11,
    inputs: preview(edit('ManifestVersion: 0.1.0', 'ManifestVersion: 1000.1.0')),
  },
  {
    source: `Manifest-Bad-UrlInvalid.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Invalid field value. [InstallerUrl]',
    field: 'Installers[0].Url',
    line: 9,
    inputs: preview(edit('Url: https://downloads.fabrikam.example/widget/2.4.1/widget-x64.msix', 'Url: NotAUrl')),
  },
  {
    source: `Manifest-Bad-UrlMissing.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Required field missing. [InstallerUrl]',
    field: 'Installers[0].Url',
    line: 8,
    inputs: preview(dropLine('    Url: https://downloads.fabrikam.example/widget/2.4.1/widget-x64.msix')),
  },
  {
    source: `Manifest-Bad-VersionInvalid.yaml (${RBM})`,
    verdict: 'error',
    expect: "Failed to validate against schema associated with property name 'Version'",
    field: 'Version',
    line: 3,
    inputs: preview(edit('Version: 2.4.1', 'Version: 2.4.1-/')),
  },
  {
    source: `Manifest-Bad-VersionMissing.yaml (${RBM})`,
    verdict: 'error',
    expect: "Missing required property 'Version'",
    field: 'Version',
    inputs: preview(dropLine('Version: 2.4.1')),
  },
  {
    source: `Manifest-Bad-InvalidManifestVersionValue.yaml (${RBM})`,
    verdict: 'error',
    expect: "Failed to validate against schema associated with property name 'ManifestVersion'",
    field: 'ManifestVersion',
    line: 11,
    inputs: preview(edit('ManifestVersion: 0.1.0', 'ManifestVersion: 0.1.0-invalid')),
  },
  {
    // A Store installer (preview format with the msstore extension): an id, no URL hash.
    source: `InstallFlowTest_MSStore.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Field value is not supported. [InstallerType] Value: msstore',
    inputs: () => [
      {
        name: PREVIEW_FILE,
        data: `Id: Fabrikam.WidgetStore
Version: 2.4.1
Name: Fabrikam Widget (Store)
Publisher: Fabrikam
AppMoniker: fabwidget
License: Apache-2.0
Installers:
  - Arch: neutral
    Url: https://downloads.fabrikam.example/widget/store
    InstallerType: MSStore
    ProductId: 9NFABRIKAM01
ManifestVersion: 0.2.0-msstore
`,
      },
    ],
  },
  {
    // No ManifestVersion at all: the preview format.
    source: `Manifest-Bad-PackageFamilyNameOnMSI.yaml (${RBM})`,
    verdict: 'warning',
    expect: 'The specified installer type does not support PackageFamilyName. [InstallerType] Value: msi',
    field: 'Installers[0].PackageFamilyName',
    line: 11,
    inputs: preview(dropLine('InstallerType: Msix'), dropLine('ManifestVersion: 0.1.0'), inInstaller('    InstallerType: MSI\n    PackageFamilyName: Fabrikam.Widget_8wekyb3d8bbwe\n')),
  },
  {
    source: `Manifest-Bad-ProductCodeOnMSIX.yaml (${RBM})`,
    verdict: 'error',
    expect: 'The specified installer type does not support ProductCode. [InstallerType] Value: msix',
    field: 'Installers[0].ProductCode',
    line: 11,
    inputs: preview(dropLine('InstallerType: Msix'), dropLine('ManifestVersion: 0.1.0'), inInstaller('    InstallerType: MSIX\n    ProductCode: "{6B1C2A3D-0000-4000-8000-00000000F00D}"\n')),
  },
  {
    source: `Manifest-Bad-InvalidUpdateBehavior.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Invalid field value. [UpgradeBehavior]',
    field: 'Installers[0].UpdateBehavior',
    line: 11,
    inputs: preview(inInstaller('    UpdateBehavior: Sometimes\n')),
  },
  {
    // Passes the schema's locale pattern, but is no well-formed BCP-47 tag.
    source: `Manifest-Bad-InvalidLocale.yaml (${RBM})`,
    verdict: 'error',
    expect: 'The locale value is not a well formed bcp47 language tag.',
    field: 'PackageLocale',
    line: 'PackageLocale:',
    inputs: singleton('1.0.0', { packageLocale: 'Qq-rst-uv-wx-yz' }),
  },
  {
    source: `Manifest-Bad-AppsAndFeaturesEntriesOnMSIX.yaml (${RBM})`,
    verdict: 'error',
    expect: 'The specified installer type does not write to Apps and Features entry.',
    inputs: singleton('1.1.0', {
      installers: [
        installer('x86', 'msix', `${TOOLKIT_URL}/toolkit-x86.msix`, SHA.c, 'AppsAndFeaturesEntries:', '  - DisplayName: Fabrikam Toolkit', '    DisplayVersion: 3.1.0'),
      ],
    }),
  },
  {
    source: `InstallFlowTest_LicenseAgreement.yaml (${RBM})`,
    verdict: 'warning',
    expect: 'Field usage requires verified publishers. [Agreement]',
    inputs: singleton('1.1.0', {
      root: [
        'Agreements:',
        '  - AgreementLabel: Terms in full',
        '    Agreement: You agree to use the toolkit kindly.',
        '  - AgreementLabel: Terms online',
        '    AgreementUrl: https://www.fabrikam.example/toolkit/terms',
        ...EXE_SWITCHES,
      ],
      installers: [installer('x86', 'exe', `${TOOLKIT_URL}/toolkit-x86.exe`, SHA.c)],
    }),
  },
  {
    source: `InstallFlowTest_LicenseAgreement.yaml with ErrorOnVerifiedPublisherFields (${RBM})`,
    verdict: 'error',
    expect: 'Field usage requires verified publishers. [Agreement]',
    skip: 'the client test turns on ErrorOnVerifiedPublisherFields; `winget validate` and Wingsmith have no such option',
  },
  {
    source: `Manifest-Bad-ApproximateVersionInPackageVersion.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Approximate version not allowed. [PackageVersion]',
    field: 'PackageVersion',
    line: 'PackageVersion:',
    inputs: singleton('1.1.0', {
      packageVersion: "'> 3.1.0'",
      installers: [installer('x86', 'inno', `${TOOLKIT_URL}/toolkit-setup.exe`, SHA.c)],
    }),
  },
  {
    source: `Manifest-Bad-ApproximateVersionInArpVersion.yaml (${RBM})`,
    verdict: 'error',
    expect: 'Approximate version not allowed. [DisplayVersion]',
    field: 'Installers[0].AppsAndFeaturesEntries[0].DisplayVersion',
    line: 'DisplayVersion:',
    inputs: singleton('1.1.0', {
      installers: [installer('x86', 'inno', `${TOOLKIT_URL}/toolkit-setup.exe`, SHA.c, 'AppsAndFeaturesEntries:', "  - DisplayVersion: '< 12.0'")],
    }),
  },
];

const manifestEncoding: VerdictCase[] = (
  [
    ['Manifest-Encoding-ANSI.yaml', ansi(ENCODED_TEXT)],
    ['Manifest-Encoding-UTF8.yaml', utf8],
    ['Manifest-Encoding-UTF8-BOM.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])],
    ['Manifest-Encoding-UTF16BE.yaml', utf16(ENCODED_TEXT, true, false)],
    ['Manifest-Encoding-UTF16BE-BOM.yaml', utf16(ENCODED_TEXT, true, true)],
    ['Manifest-Encoding-UTF16LE.yaml', utf16(ENCODED_TEXT, false, false)],
    ['Manifest-Encoding-UTF16LE-BOM.yaml', utf16(ENCODED_TEXT, false, true)],
  ] as const
).map(([file, data]) => ({
  source: `${file} (YamlManifest.cpp ManifestEncoding)`,
  verdict: 'pass' as const,
  packageName: ENCODED_NAME,
  inputs: encoded(data),
}));

const v1Good: VerdictCase[] = V1_MINORS.flatMap((m): VerdictCase[] => {
  const name = clientName(m);
  const test = `YamlManifest.cpp Validate${name}GoodManifestAndVerifyContents`;
  return [
    { source: `Manifest${name}-Singleton.yaml (${test})`, verdict: 'pass', warningsAllowed: true, inputs: () => richSingleton(m) },
    {
      source: `Manifest${name}-MultiFile-{Version,Installer,DefaultLocale,Locale}.yaml (${test})`,
      verdict: 'pass',
      warningsAllowed: true,
      inputs: () => multiInputs(richMultiFile(m)),
    },
  ];
});

const HEADER_TEST = 'YamlManifest.cpp ManifestV1_10_SchemaHeaderValidations';
const MSI_110 = [installer('x86', 'msi', `${TOOLKIT_URL}/toolkit-x86.msi`, SHA.c)];
const schemaHeaders: VerdictCase[] = [
  {
    source: `ManifestV1_10-Bad-SchemaHeaderNotFound.yaml (${HEADER_TEST})`,
    verdict: 'error',
    expect: 'Schema header not found',
    inputs: singleton('1.10.0', { header: null, installers: MSI_110 }),
  },
  {
    source: `ManifestV1_10-Bad-SchemaHeaderInvalid.yaml (${HEADER_TEST})`,
    verdict: 'error',
    expect: 'The schema header is invalid. Please verify that the schema header is present and formatted correctly.',
    line: 1,
    inputs: singleton('1.10.0', { header: '# yaml-language-server= $schema=https://aka.ms/winget-manifest.singleton.1.10.0.schema.json', installers: MSI_110 }),
  },
  {
    source: `ManifestV1_10-Bad-SchemaHeaderURLPatternMismatch.yaml (${HEADER_TEST})`,
    verdict: 'error',
    expect: 'The schema header URL does not match the expected pattern.',
    line: 1,
    inputs: singleton('1.10.0', { header: '# yaml-language-server: $schema=https://aka.ms/winget-manifest-fabrikam.singleton.1.10.0.schema.json', installers: MSI_110 }),
  },
  {
    source: `ManifestV1_10-Bad-SchemaHeaderManifestTypeMismatch.yaml (${HEADER_TEST})`,
    verdict: 'error',
    expect: 'The manifest type in the schema header does not match the ManifestType property value in the manifest.',
    line: 1,
    inputs: singleton('1.10.0', { header: header('installer', '1.10.0'), installers: MSI_110 }),
  },
  {
    source: `ManifestV1_10-Bad-SchemaHeaderManifestVersionMismatch.yaml (${HEADER_TEST})`,
    verdict: 'error',
    expect: 'The manifest version in the schema header does not match the ManifestVersion property value in the manifest.',
    line: 1,
    inputs: singleton('1.10.0', { header: header('singleton', '1.9.0'), installers: MSI_110 }),
  },
];

const SHADOW_FILE = 'Fabrikam.Toolkit.shadow.yaml';
const SHADOW = `${header('shadow', '1.5.0')}
PackageIdentifier: Fabrikam.Toolkit
PackageVersion: 3.1.0
Icons:
  - IconUrl: https://www.fabrikam.example/toolkit/shadow-icon.ico
    IconFileType: ico
    IconResolution: custom
    IconTheme: default
    IconSha256: ${SHA.e}
ManifestType: shadow
ManifestVersion: 1.5.0
`;
const ALLOW_SHADOW = 'the client test turns on AllowShadowManifest; `winget validate` (and Wingsmith) never allow a shadow manifest';
const shadows: VerdictCase[] = [
  {
    source: 'ManifestV1_5-MultiFile-Version.yaml + ManifestV1_5-Shadow-*.yaml (YamlManifest.cpp ShadowManifest_ShadowNotAllowed)',
    verdict: 'error',
    expect: 'Shadow manifest is not allowed.',
    file: SHADOW_FILE,
    field: 'ManifestType',
    line: 'ManifestType: shadow',
    inputs: () => multiInputs(richMultiFile(5), { name: SHADOW_FILE, data: SHADOW }),
  },
  { source: 'ManifestV1_5-Shadow-*.yaml (YamlManifest.cpp ShadowManifest)', verdict: 'pass', skip: ALLOW_SHADOW },
  { source: 'ManifestV1_5-Shadow-*.yaml (YamlManifest.cpp ShadowManifest_SkipShadowDefaultLocale)', verdict: 'pass', skip: ALLOW_SHADOW },
  { source: 'ManifestV1_5-Shadow-*.yaml (YamlManifest.cpp ShadowManifest_SkipShadowLocalizationLocale)', verdict: 'pass', skip: ALLOW_SHADOW },
  {
    source: 'ManifestV1_5-Shadow-Shadow.yaml + ManifestV1_5-Shadow-Shadow2.yaml (YamlManifest.cpp ShadowManifest_TwoShadowFiles)',
    verdict: 'error',
    expect: 'The multi file manifest should contain only one file with the particular ManifestType. [ManifestType] Value: shadow',
    skip: ALLOW_SHADOW,
  },
  {
    source: 'ManifestV1_5-Shadow-*.yaml (YamlManifest.cpp ShadowManifest_NotVerifiedPublisher)',
    verdict: 'error',
    expect: 'Field usage requires verified publishers. [Icons]',
    skip: `${ALLOW_SHADOW}; it also turns on ErrorOnVerifiedPublisherFields`,
  },
];

const otherFull: VerdictCase[] = [
  {
    // ValidateManifest(manifest, fullValidation = true): exactly one error, "Field is not supported." for Authentication.
    source: 'ManifestV1_10-InstallerAuthentication.yaml (YamlManifest.cpp ReadWriteValidateV1_10ManifestWithInstallerAuthentication)',
    verdict: 'error',
    expect: 'Field is not supported.',
    errorCount: 1,
    inputs: singleton('1.10.0', {
      root: ['Authentication:', '  AuthenticationType: microsoftEntraId', '  MicrosoftEntraIdAuthenticationInfo:', '    Resource: FabrikamResource', '    Scope: FabrikamScope'],
      installers: [installer('x86', 'msi', `${TOOLKIT_URL}/toolkit-x86.msi`, SHA.c, 'Authentication:', '  AuthenticationType: microsoftEntraIdForAzureBlobStorage')],
    }),
  },
  {
    // The client sets one localization's locale to "Invalid" in memory and validates fully: an error (the test checks
    // only the level). Here the same locale is a locale file's PackageLocale.
    source: 'Manifest-Good-MultiLocale.yaml with a locale "Invalid" (YamlManifest.cpp ManifestLocalizationValidation)',
    verdict: 'error',
    file: MULTI.locale,
    field: 'PackageLocale',
    line: 'PackageLocale:',
    inputs: () => {
      const set = richMultiFile(0);
      return multiInputs({ ...set, locale: change(set.locale, 'PackageLocale: en-GB', 'PackageLocale: Invalid') });
    },
  },
];

// YamlParser::ParseManifest without options: these multi-file checks come before any validation option applies, so
// the verdicts hold for `winget validate` too.
const MFI = 'YamlManifest.cpp MultifileManifestInputValidation';
function v1Set(): MultiFileSet {
  return richMultiFile(0);
}
const multiFileInput: VerdictCase[] = [
  {
    source: `Manifest-Good.yaml + ManifestV1-MultiFile-{Version,Installer,DefaultLocale}.yaml (${MFI})`,
    verdict: 'error',
    expect: 'Preview manifest does not support multi file manifest format',
    inputs: () => {
      const s = v1Set();
      return [
        { name: 'Fabrikam.Widget.yaml', data: PREVIEW },
        { name: MULTI.version, data: s.version },
        { name: MULTI.installer, data: s.installer },
        { name: MULTI.defaultLocale, data: s.defaultLocale },
      ];
    },
  },
  {
    source: `ManifestV1-Singleton.yaml + ManifestV1-MultiFile-{Version,Installer,DefaultLocale}.yaml (${MFI})`,
    verdict: 'error',
    expect: 'The multi file manifest should not contain file with the particular ManifestType. [ManifestType] Value: singleton',
    inputs: () => {
      const s = v1Set();
      return [
        { name: 'Fabrikam.Toolkit.singleton.yaml', data: richSingleton(0)[0]!.data },
        { name: MULTI.version, data: s.version },
        { name: MULTI.installer, data: s.installer },
        { name: MULTI.defaultLocale, data: s.defaultLocale },
      ];
    },
  },
  ...(['version', 'installer', 'defaultLocale'] as const).map((kind): VerdictCase => ({
    source: `ManifestV1-MultiFile-* with two ${kind} files (${MFI})`,
    verdict: 'error',
    expect: `The multi file manifest should contain only one file with the particular ManifestType. [ManifestType] Value: ${kind}`,
    inputs: () => {
      const s = v1Set();
      const inputs: ManifestFileInput[] = [
        { name: MULTI.version, data: s.version },
        { name: MULTI.installer, data: s.installer },
        { name: MULTI.defaultLocale, data: s.defaultLocale },
      ];
      inputs.push({ name: `Fabrikam.Toolkit.second-${kind}.yaml`, data: s[kind] });
      return inputs;
    },
  })),
  {
    source: `ManifestV1-MultiFile-* with the en-GB locale twice (${MFI})`,
    verdict: 'error',
    expect: 'The multi file manifest contains duplicate PackageLocale. [PackageLocale] Value: en-GB',
    inputs: () => {
      const s = v1Set();
      return multiInputs(s, { name: 'Fabrikam.Toolkit.locale.en-GB.copy.yaml', data: s.locale });
    },
  },
  {
    source: `ManifestV1-MultiFile-* with the defaultLocale file's PackageLocale fr-fr (${MFI})`,
    verdict: 'error',
    expect: 'DefaultLocale value in version manifest does not match PackageLocale value in defaultLocale manifest',
    inputs: () => {
      const s = v1Set();
      return multiInputs({ ...s, defaultLocale: change(s.defaultLocale, 'PackageLocale: en-US', 'PackageLocale: fr-fr') });
    },
  },
  {
    source: `ManifestV1-MultiFile-* with another PackageIdentifier in the installer file (${MFI})`,
    verdict: 'error',
    expect: 'The multi file manifest has inconsistent field values. [PackageIdentifier] Value: Another.Identifier',
    file: MULTI.installer,
    field: 'PackageIdentifier',
    line: 'PackageIdentifier:',
    inputs: () => {
      const s = v1Set();
      return multiInputs({ ...s, installer: change(s.installer, 'PackageIdentifier: Fabrikam.Toolkit', 'PackageIdentifier: Another.Identifier') });
    },
  },
  {
    source: `ManifestV1-MultiFile-* with another PackageVersion in the installer file (${MFI})`,
    verdict: 'error',
    expect: 'The multi file manifest has inconsistent field values. [PackageVersion] Value: Another.Version',
    file: MULTI.installer,
    field: 'PackageVersion',
    line: 'PackageVersion:',
    inputs: () => {
      const s = v1Set();
      return multiInputs({ ...s, installer: change(s.installer, 'PackageVersion: 3.1.0', 'PackageVersion: Another.Version') });
    },
  },
  {
    source: `ManifestV1-MultiFile-{Version,DefaultLocale}.yaml, no installer file (${MFI})`,
    verdict: 'error',
    expect: 'The multi file manifest is incomplete',
    inputs: () => {
      const s = v1Set();
      return [
        { name: MULTI.version, data: s.version },
        { name: MULTI.defaultLocale, data: s.defaultLocale },
      ];
    },
  },
  {
    source: `ManifestV1-MultiFile-{Version,Installer}.yaml, no defaultLocale file (${MFI})`,
    verdict: 'error',
    expect: 'The multi file manifest is incomplete',
    inputs: () => {
      const s = v1Set();
      return [
        { name: MULTI.version, data: s.version },
        { name: MULTI.installer, data: s.installer },
      ];
    },
  },
];

// Tests that validate against a real installer file (ValidateManifestInstallers): nothing to express without it.
const REAL_INSTALLER = "the client test opens the installer itself (ValidateManifestInstallers) and compares it with the manifest; Wingsmith's core validates text only";
const realInstallers: VerdictCase[] = (
  [
    ['Manifest-Good-MsixInstaller.yaml', 'ReadManifestAndValidateMsixInstallers_Success', 'pass'],
    ['Manifest-Bad-InconsistentMsixInstallerFields.yaml', 'ReadManifestAndValidateMsixInstallers_InconsistentFields', 'error'],
    ['Manifest-Bad-NoSupportedPlatforms.yaml', 'ReadManifestAndValidateMsixInstallers_NoSupportedPlatforms', 'error'],
    ['Manifest-Bad-MsixInstaller-PackageVersion.yaml', 'ReadManifestAndValidateMsixInstallers_PackageVersionNotUINT64', 'error'],
    ['Manifest-Bad-MissingMsixInstallerFields.yaml', 'ReadManifestAndValidateMsixInstallers_MissingFields', 'error'],
    ['Manifest-Good-SignedMsixInstaller.yaml', 'ReadManifestAndValidateMsixInstallers_Signed_Success', 'pass'],
    ['Manifest-Bad-InconsistentSignedMsixInstallerFields.yaml', 'ReadManifestAndValidateMsixInstallers_Signed_InconsistentFields', 'error'],
    ['Manifest-Good-MsixBundleInstaller.yaml', 'ReadManifestAndValidateMsixBundleInstallers_Success', 'pass'],
    ['Manifest-Good-MsixBundleInstaller-WithStub.yaml', 'ReadManifestAndValidateMsixBundleInstallers_WithStub_Success', 'pass'],
    ['Manifest-Bad-InconsistentMsixBundleInstallerFields.yaml', 'ReadManifestAndValidateMsixBundleInstallers_InconsistentFields', 'error'],
    ['Manifest-Good-SignedMsixBundleInstaller.yaml', 'ReadManifestAndValidateMsixBundleInstallers_Signed_Success', 'pass'],
    ['Manifest-Bad-InconsistentSignedMsixBundleInstallerFields.yaml', 'ReadManifestAndValidateMsixBundleInstallers_Signed_InconsistentFields', 'error'],
  ] as const
).map(([file, test, verdict]) => ({ source: `${file} (YamlManifest.cpp ${test})`, verdict, skip: REAL_INSTALLER }));

// ---------------------------------------------------------------------------------------------------------------
// Running them

function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '  (no findings)';
  return findings.map((f) => `  ${f.severity} ${f.file}:${f.line} [${f.field}] ${f.message}`).join('\n');
}

function dataText(input: ManifestFileInput): string {
  return typeof input.data === 'string' ? input.data : new TextDecoder().decode(input.data);
}

function expectedLine(c: VerdictCase, inputs: readonly ManifestFileInput[]): number | undefined {
  if (typeof c.line !== 'string') return c.line;
  const input = c.file === undefined ? inputs[0] : inputs.find((i) => i.name === c.file);
  if (!input) throw new Error(`no input ${c.file ?? '(first)'}`);
  const index = dataText(input).split('\n').findIndex((l) => l.includes(c.line as string));
  if (index < 0) throw new Error(`no line with ${JSON.stringify(c.line)} in ${input.name}`);
  return index + 1;
}

/**
 * Full validation as the client's tests run it. Their ManifestValidateOption keeps SchemaHeaderValidationAsWarning at
 * its default (false), so a schema-header problem is an error there, where `winget validate` makes it a warning.
 */
const CLIENT_TEST_OPTIONS: ValidateOptions = { full: true, community: false, headerAsWarning: false };

/**
 * The client's JSON-schema library words its own messages ("Missing required property 'Id'", "Failed to validate
 * against schema associated with property name 'Id'"); Wingsmith's schema pass says the same in its words
 * ("Required field missing. [Id]", "Id … does not match the required pattern …"). Those match by rule and field.
 */
const SCHEMA_LIBRARY = /^(?:Missing required property|Failed to validate against schema associated with property name) '([^']+)'/;

function says(f: Finding, expected: string): boolean {
  const schema = SCHEMA_LIBRARY.exec(expected);
  if (!schema) return f.message.includes(expected);
  const key = schema[1]!;
  return f.rule === 'schema' && (f.field === key || f.field.endsWith(`.${key}`) || f.message.includes(`[${key}]`));
}

function check(c: VerdictCase): void {
  if (!c.inputs) throw new Error('a case that runs needs inputs');
  const inputs = c.inputs();
  const result = validateManifest(inputs, CLIENT_TEST_OPTIONS);
  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  const got = `Wingsmith's findings:\n${describeFindings(result.findings)}`;

  if (c.verdict === 'pass') {
    expect(errors, `the client accepts this; ${got}`).toEqual([]);
    if (!c.warningsAllowed) expect(warnings, `the client has nothing to say (it throws on warnings); ${got}`).toEqual([]);
    if (c.packageName !== undefined) expect(result.set?.defaultLocale.PackageName).toBe(c.packageName);
    return;
  }

  if (c.verdict === 'warning') {
    expect(errors, `the client has warnings only; ${got}`).toEqual([]);
  } else {
    expect(errors.length, `the client rejects this; ${got}`).toBeGreaterThan(0);
    if (c.errorCount !== undefined) expect(errors.length, `the client has ${c.errorCount} error(s); ${got}`).toBe(c.errorCount);
  }
  const level = c.expectLevel ?? c.verdict;
  const pool = level === 'error' ? errors : warnings;
  const saying = pool.filter((f) => (c.expect === undefined || says(f, c.expect)) && (c.file === undefined || f.file === c.file));
  expect(saying.length, `no ${level}${c.expect === undefined ? '' : ` saying "${c.expect}"`}${c.file === undefined ? '' : ` in ${c.file}`}; ${got}`).toBeGreaterThan(0);

  const line = expectedLine(c, inputs);
  if (c.field !== undefined || line !== undefined) {
    const at = saying.find((f) => (c.field === undefined || f.field === c.field) && (line === undefined || f.line === line));
    expect(at, `expected it at ${c.field === undefined ? '' : `[${c.field}] `}${line === undefined ? '' : `line ${line}`}; ${got}`).toBeDefined();
  }
}

const groups: [string, VerdictCase[]][] = [
  ['ReadGoodManifests', readGoodManifests],
  ['ReadBadManifests', readBadManifests],
  ['ManifestEncoding', manifestEncoding],
  ['ValidateV1*GoodManifestAndVerifyContents', v1Good],
  ['ManifestV1_10_SchemaHeaderValidations', schemaHeaders],
  ['ShadowManifest*', shadows],
  ['Authentication and localization (full ValidateManifest)', otherFull],
  ['MultifileManifestInputValidation', multiFileInput],
  ['installer validation against the real file', realInstallers],
];

describe('the winget client unit tests’ verdicts (winget-cli YamlManifest.cpp)', () => {
  for (const [name, cases] of groups) {
    describe(name, () => {
      for (const c of cases) {
        const title = `${c.verdict}: ${c.source}`;
        if (c.skip !== undefined) it.skip(`${title} — skipped: ${c.skip}`, () => undefined);
        else it(title, () => check(c));
      }
    });
  }

  it('every case names its source and a unique title', () => {
    const all = groups.flatMap(([, cases]) => cases);
    const titles = all.map((c) => `${c.verdict}: ${c.source}`);
    expect(new Set(titles).size).toBe(titles.length);
    for (const c of all) expect(c.source).toMatch(/\(YamlManifest\.cpp [A-Za-z0-9_*]+/);
  });
});
