import { strToU8, zipSync, type Zippable } from 'fflate';
import { craftPe } from '../installers/craft-pe';
import { FILE_NAME, singleton } from './base';
import { deflatedZeros } from './deflate-zeros';
import { lazy, type BadInput, type Expectation } from './types';
import { writeZip } from './zip-writer';

/* Archives: the import path unpacks them, the installer path lists them and reads one entry; the CLI reads bytes. */

const SET = 'manifests/c/Contoso/Tool/1.2.3';
/** The CLI is given the archive itself: it reads it as YAML and must say where that fails. */
const readAsYaml: Expectation = { verdict: 'error', line: true };

function zip(name: string, fileName: string, make: () => Uint8Array, expect: Omit<BadInput['expect'], 'cli'>, nestedPath?: string): BadInput {
  return { name, family: 'zip', fileName, bytes: lazy(make), ...(nestedPath ? { nestedPath } : {}), expect: { cli: readAsYaml, ...expect } };
}

const BOMB_MIB = 768;

/** The same deflated zeros under a manifest name and an installer name, so each path meets the one it reads. */
function bomb(lyingSize?: number): Uint8Array {
  const zeros = deflatedZeros(BOMB_MIB);
  const entry = (path: string) => ({ path, data: zeros.data, method: 8 as const, size: lyingSize ?? zeros.size, crc: zeros.crc });
  return writeZip([entry(`${SET}/${FILE_NAME}`), entry('setup.exe')]);
}

function tenThousand(): Uint8Array {
  const files: Zippable = {};
  for (let i = 0; i < 10_000; i++) files[`${SET}-${i}/${FILE_NAME}`] = strToU8(singleton().replace('1.2.3', `1.2.${i}`));
  return zipSync(files, { level: 1 });
}

function nested(): Uint8Array {
  const inner = zipSync({ [`${SET}/${FILE_NAME}`]: strToU8(singleton()) });
  return zipSync({ 'inner.zip': inner });
}

function dotDot(): Uint8Array {
  return zipSync({ [`../../${FILE_NAME}`]: strToU8(singleton()), '../../bin/setup.exe': craftPe() });
}

export const zipInputs: BadInput[] = [
  {
    name: 'zip disguised as YAML',
    family: 'zip',
    fileName: FILE_NAME,
    bytes: lazy(() => zipSync({ [FILE_NAME]: strToU8(singleton()) })),
    expect: { cli: readAsYaml, import: readAsYaml, installer: { verdict: ['ok', 'warning'] } },
  },
  zip('768 MiB all-zero entry', 'bomb.zip', () => bomb(), {
    import: { verdict: 'refused', message: /too large/ },
    installer: { verdict: 'refused', message: /setup\.exe is compressed and 768 MB unpacked/ },
  }, 'setup.exe'),
  zip('768 MiB entry, directory says 4 KiB', 'liar.zip', () => bomb(4096), {
    import: { verdict: 'error', message: /inflates to more than the 4096 bytes/ },
    installer: { verdict: 'error', message: /setup\.exe inflates to more than the 4096 bytes/ },
  }, 'setup.exe'),
  // The import takes content, never paths, so nothing lands anywhere; the analysis will not suggest such an entry.
  zip('../ paths', 'dotdot.zip', dotDot, {
    import: { verdict: ['ok', 'warning'] },
    installer: { verdict: 'warning', message: /paths outside the archive's folder/ },
  }),
  zip('10,000 entries', 'many.zip', tenThousand, {
    import: { verdict: ['ok', 'warning'] },
    installer: { verdict: ['ok', 'warning'] },
  }),
  zip('nested zip', 'nested.zip', nested, {
    import: { verdict: 'error', message: /only other zips, which are not opened/ },
    installer: { verdict: 'error', message: /A zip inside a zip/ },
  }, 'inner.zip'),
];
