import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { helloC, MSI, nsi, versionRc, wxs } from './sources';

/*
 * Builds real installers with Debian's tools, once per change of their sources: the results are cached under
 * node_modules/.cache/wingsmith-installers/<hash>/. A missing tool fails the test run with the apt package to
 * install; silently skipping would let CI pass without testing anything.
 */

const TOOLS: Record<string, string> = {
  wixl: 'wixl (built from msitools)',
  makensis: 'nsis',
  'x86_64-w64-mingw32-gcc': 'gcc-mingw-w64-x86-64',
  'x86_64-w64-mingw32-windres': 'binutils-mingw-w64-x86-64',
};

export interface BuiltInstallers {
  /** wixl, x64, per machine, en-US. */
  msiX64: string;
  /** wixl, x86, per machine, with a WixUI_Mode property (reads as WiX-built). */
  msiX86Wix: string;
  /** wixl, x86, per user, de-DE, non-ASCII Manufacturer in code page 1252. */
  msiUserDe: string;
  /** makensis, x86 stub, with version information. */
  nsis: string;
  /** mingw-w64 gcc + windres, x64, with a version resource. */
  peX64: string;
}

const NAMES: BuiltInstallers = {
  msiX64: 'sample-x64.msi',
  msiX86Wix: 'sample-x86-wix.msi',
  msiUserDe: 'sample-user-de.msi',
  nsis: 'setup-nsis.exe',
  peX64: 'tool-x64.exe',
};

function requireTool(tool: string): void {
  try {
    execFileSync('/bin/sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' });
  } catch {
    throw new Error(`${tool} is not installed: install the Debian package ${TOOLS[tool]} (apt-get install ${(TOOLS[tool] ?? '').split(' ')[0]}) to build the test installers`);
  }
}

function run(cwd: string, tool: string, args: string[]): void {
  try {
    execFileSync(tool, args, { cwd, stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`${tool} ${args.join(' ')} failed: ${stderr || String(error)}`);
  }
}

function buildInto(dir: string): void {
  writeFileSync(path.join(dir, 'readme.txt'), 'Wingsmith test payload\n');
  // Incompressible, so the MSI's cabinet is large next to its tables and lazy reading shows.
  let x = 0x2545f491;
  const payload = new Uint8Array(512 * 1024).map(() => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x >>> 24));
  writeFileSync(path.join(dir, 'payload.bin'), payload);
  const msi = (file: string, arch: string, source: string) => {
    writeFileSync(path.join(dir, `${file}.wxs`), source);
    run(dir, 'wixl', ['-a', arch, '-o', file, `${file}.wxs`]);
  };
  msi(NAMES.msiX64, 'x64', wxs({ productCode: MSI.productCode, manufacturer: MSI.manufacturer, language: 1033, scope: 'perMachine', win64: true, wixUi: false }));
  msi(NAMES.msiX86Wix, 'x86', wxs({ productCode: MSI.x86ProductCode, manufacturer: MSI.manufacturer, language: 1033, scope: 'perMachine', win64: false, wixUi: true }));
  msi(NAMES.msiUserDe, 'x86', wxs({ productCode: MSI.userProductCode, manufacturer: MSI.userManufacturer, language: 1031, scope: 'perUser', win64: false, wixUi: false }));
  writeFileSync(path.join(dir, 'setup.nsi'), nsi);
  run(dir, 'makensis', ['-V1', 'setup.nsi']);
  writeFileSync(path.join(dir, 'hello.c'), helloC);
  writeFileSync(path.join(dir, 'version.rc'), versionRc);
  run(dir, 'x86_64-w64-mingw32-windres', ['-O', 'coff', '-o', 'version.o', 'version.rc']);
  run(dir, 'x86_64-w64-mingw32-gcc', ['-O2', '-s', '-o', NAMES.peX64, 'hello.c', 'version.o']);
}

let built: BuiltInstallers | undefined;

export function buildInstallers(): BuiltInstallers {
  if (built) return built;
  Object.keys(TOOLS).forEach(requireTool);
  const key = createHash('sha256')
    .update(readFileSync(new URL('./sources.ts', import.meta.url)))
    .update(readFileSync(new URL('./build.ts', import.meta.url)))
    .digest('hex')
    .slice(0, 16);
  const root = path.resolve(import.meta.dirname, '../../node_modules/.cache/wingsmith-installers');
  const dir = path.join(root, key);
  const complete = () => Object.values(NAMES).every((n) => existsSync(path.join(dir, n)));
  if (!complete()) {
    mkdirSync(root, { recursive: true });
    // Build aside and rename into place, so test files running in parallel never see half a cache.
    const scratch = mkdtempSync(path.join(root, 'building-'));
    buildInto(scratch);
    try {
      renameSync(scratch, dir);
    } catch {
      if (!complete()) throw new Error(`Could not place the built installers in ${dir}`);
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  built = Object.fromEntries(Object.entries(NAMES).map(([k, n]) => [k, path.join(dir, n)])) as unknown as BuiltInstallers;
  return built;
}
