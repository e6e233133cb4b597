import { FILE_NAME, INSTALLER, lineOf, singleton } from './base';
import { lazy, NOT_AN_INSTALLER, utf8, type BadInput, type Expectation } from './types';

/* Inputs that are well-formed but far bigger or deeper than any manifest: they must cost time linear in size. */

function scale(name: string, make: () => string, found: Expectation): BadInput {
  return {
    name,
    family: 'scale',
    fileName: FILE_NAME,
    bytes: lazy(() => utf8(make())),
    expect: { cli: found, import: found, installer: NOT_AN_INSTALLER },
  };
}

const DEPTH = 400;

function deepMaps(): string {
  let out = '';
  for (let i = 0; i < DEPTH; i++) out += `${' '.repeat(i)}k${i}:\n`;
  return singleton({ extra: `Deep:\n${out.replace(/^/gm, ' ')}${' '.repeat(DEPTH + 1)}end\n` });
}

function deepFlow(): string {
  return singleton({ extra: `Tags: ${'['.repeat(DEPTH)}x${']'.repeat(DEPTH)}\n` });
}

const MB = 1_000_000;

function hugeValue(): string {
  return singleton({ extra: `ReleaseNotes: ${'a'.repeat(12 * MB)}\n` });
}

function manyKeys(): string {
  const keys = Array.from({ length: 60_000 }, (_, i) => `Key${i}: value ${i}\n`).join('');
  return singleton({ extra: keys });
}

function manyInstallers(): string {
  return singleton({
    installers: Array.from({ length: 5000 }, (_, i) => INSTALLER.replace('tool-1.2.3.exe', `tool-1.2.3-${i}.exe`)).join(''),
  });
}

/** Past the core's 16 MiB: refused by its size on every manifest path, before anything is parsed. */
function oversized(): string {
  return singleton({ extra: `ReleaseNotes: ${'a'.repeat(17 * 2 ** 20)}\n` });
}

const tooDeep: Expectation = { verdict: 'error', message: /Too many layers of nested nodes/, line: true };

export const scaleInputs: BadInput[] = [
  scale('400-level nesting (block)', deepMaps, tooDeep),
  scale('400-level nesting (flow)', deepFlow, { ...tooDeep, line: lineOf(deepFlow(), 'Tags') }),
  scale('12 MB value', hugeValue, { verdict: 'error', message: /ReleaseNotes must be at most 10000 characters/, line: true, field: 'ReleaseNotes' }),
  {
    name: '17 MiB file',
    family: 'scale',
    fileName: FILE_NAME,
    bytes: lazy(() => utf8(oversized())),
    expect: { cli: { verdict: 'refused', message: /larger than 16 MiB/ }, import: { verdict: 'refused', message: /larger than 16 MiB/ }, installer: NOT_AN_INSTALLER },
  },
  // Unknown fields are warnings (winget ignores them); the import names the first few it could not keep.
  scale('60,000 keys', manyKeys, { verdict: 'warning', message: /Unknown field\. \[Key0\]/, line: lineOf(singleton({ extra: 'Key0: x\n' }), 'Key0'), field: 'Key0' }),
  scale('5,000 installers', manyInstallers, { verdict: 'error', message: /Installers must have at most/, line: true, field: 'Installers' }),
];
