/** A small argument parser: the CLI has two commands and a handful of flags, not worth a dependency. */
export class UsageError extends Error {}

export interface ParsedArgs {
  command: string;
  flags: Map<string, string | true>;
  paths: string[];
}

const VALUE_FLAGS = new Set(['--out', '--manifest-version', '--eol']);
const BOOLEAN_FLAGS = new Set(['--json', '--help', '-h', '--no-community', '--header-errors', '--strict', '--community']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  // `wingsmith --help`: an option before any command is read as an option, not as the command.
  const [command = '', ...rest] = argv[0]?.startsWith('-') ? ['', ...argv] : argv;
  const flags = new Map<string, string | true>();
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_FLAGS.has(name)) {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      flags.set(name, value);
    } else if (BOOLEAN_FLAGS.has(arg)) {
      flags.set(arg, true);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      paths.push(arg);
    }
  }
  return { command, flags, paths };
}
