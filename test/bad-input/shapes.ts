import { FILE_NAME, INSTALLER, lineOf, singleton } from './base';
import { lazy, NOT_AN_INSTALLER, utf8, type BadInput, type Expectation } from './types';

/* YAML that parses but is not a manifest's shape, or uses YAML features a manifest must not. */

function shape(name: string, text: string | (() => string), found: Expectation, imported: Expectation = found): BadInput {
  return {
    name,
    family: 'shape',
    fileName: FILE_NAME,
    bytes: lazy(() => utf8(typeof text === 'string' ? text : text())),
    expect: { cli: found, import: imported, installer: NOT_AN_INSTALLER },
  };
}

/** The import rewrites a singleton: what the rewrite dropped is a warning that quotes the original's line. */
const notKept = (line: number, field: string, message: RegExp): Expectation => ({ verdict: 'warning', message, line, field });

const unexpectedRoot: Expectation = { verdict: 'error', message: /unexpected root node/, line: 1 };

const duplicateRoot = `${singleton()}PackageIdentifier: Contoso.Other\n`;
const duplicateNested = singleton({ installers: INSTALLER.replace('  InstallerType: exe\n', '  InstallerType: exe\n  InstallerType: msi\n') });
const multiDocument = `${singleton()}---\nPackageIdentifier: Second.Document\nManifestType: singleton\nManifestVersion: 1.12.0\n---\n[not, even, a, mapping\n`;
const tabbed = singleton({ installers: INSTALLER.replace('  InstallerType: exe', '\tInstallerType: exe') });
const rawControl = singleton({ extra: 'Description: ring \u0007 the bell\n' });
const escapedControl = singleton({ extra: 'Description: "escape \\x1b[31m red"\n' });
const tags = singleton({ extra: 'Description: !!binary aGVsbG8=\nTags: !custom [a, b]\n' });
const anchors = singleton({ extra: 'Description: &d A description\nReleaseNotes: *d\n' });

/** Nine levels of ten aliases each: a billion strings if anything expanded them. */
function aliasBomb(): string {
  const lines = ['a0: &a0 "lol"'];
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return singleton({ extra: `${lines.join('\n')}\n` });
}

/** A thousand installers of a thousand commands each, from a few kilobytes: expanded, a million nodes. */
function installerBomb(): string {
  const commands = `[${Array.from({ length: 1000 }, (_, i) => `c${i}`).join(', ')}]`;
  const installer = '{ Architecture: x64, InstallerType: portable, InstallerUrl: https://example.com/t.exe, InstallerSha256: 0000000000000000000000000000000000000000000000000000000000000001, Commands: *c }';
  return singleton({ extra: `XCommands: &c ${commands}\nXInstaller: &i ${installer}\n`, installers: `${Array.from({ length: 1000 }, () => '- *i\n').join('')}` });
}

export const shapeInputs: BadInput[] = [
  shape('root is a scalar', 'just some words\n', unexpectedRoot),
  shape('root is a sequence', '- PackageIdentifier: Contoso.Tool\n- ManifestType: singleton\n', unexpectedRoot),
  shape('root is an empty mapping', '{}\n', unexpectedRoot),
  shape(
    'duplicate root key',
    duplicateRoot,
    { verdict: 'error', message: /^duplicate mapping key: PackageIdentifier/, line: lineOf(duplicateRoot, 'PackageIdentifier: Contoso.Other'), field: 'PackageIdentifier' },
    notKept(lineOf(duplicateRoot, 'PackageIdentifier: Contoso.Other'), 'PackageIdentifier', /Not kept .*duplicate mapping key/),
  ),
  shape(
    'duplicate nested key',
    duplicateNested,
    { verdict: 'error', message: /^Duplicate field found/, line: lineOf(duplicateNested, '  InstallerType: msi'), field: 'Installers[0].InstallerType' },
    notKept(lineOf(duplicateNested, '  InstallerType: msi'), 'Installers[0].InstallerType', /Not kept .*Duplicate field found/),
  ),
  // Only the first document is read (A2): the manifest is valid, the rest is ignored as winget ignores it.
  shape('multi-document file', multiDocument, { verdict: ['ok', 'warning'] }),
  shape('tab indentation', tabbed, { verdict: 'error', line: lineOf(tabbed, '\tInstallerType') }),
  shape('raw control character', rawControl, { verdict: 'error', message: /control character \(U\+0007\)/, line: lineOf(rawControl, 'Description'), field: 'Description' }),
  shape('escaped control character', escapedControl, { verdict: 'error', message: /control character \(U\+001B\)/, line: lineOf(escapedControl, 'Description'), field: 'Description' }),
  // The client keeps every scalar as text and reads tags and aliases like any YAML loader: nothing to report.
  shape('YAML tags', tags, { verdict: ['ok', 'warning'] }),
  shape('anchors and aliases', anchors, { verdict: ['ok', 'warning'] }),
  // Never expanded: the anchors sit in unknown fields, which are reported and skipped.
  shape('alias bomb (billion laughs)', aliasBomb, { verdict: 'warning', message: /Unknown field\. \[a0\]/, line: lineOf(aliasBomb(), 'a0'), field: 'a0' }),
  shape('alias bomb in Installers', installerBomb, { verdict: 'error', message: /too many nodes/, line: true }),
];
