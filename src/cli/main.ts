import { pathToFileURL } from 'node:url';
import { parseArgs, UsageError } from './args';
import { runValidate } from './validate-command';
import { runFormat } from './format-command';

export const USAGE = `Usage:
  wingsmith validate [--json] [--strict] [--community] [--no-community] [--header-errors] PATH...
      Validate manifests like \`winget validate\`. PATH is a manifest file (singleton or a file of a set)
      or a folder; folders are searched recursively. Exit 0 when all are valid, 1 when any has an error.
      --json           one JSON array: path, valid, errors and warnings with file, line, column, field,
                       message, rule and origin (winget: the client's own check; community: winget-pkgs')
      --strict         the client's warnings count as errors (winget's throw-on-warning mode)
      --community      the community repository's checks count as errors (its pipeline would reject them);
                       hints, such as an installer domain unrelated to the package's, stay warnings
      --no-community   leave the community repository's checks out
      --header-errors  a missing or wrong yaml-language-server header is an error, not a warning
  wingsmith format [--manifest-version 1.10.0|1.12.0|1.28.0] [--eol lf|crlf] --out DIR PATH...
      Write each manifest as a multi-file set in the community layout under DIR/manifests/… (DIR/fonts/… for a
      font package), in canonical style. Without --manifest-version a set keeps its version where Wingsmith
      writes it (1.10.0, 1.12.0, 1.28.0); older ones move to 1.12.0, newer ones to 1.28.0.

Exit codes: 0 success, 1 invalid manifest, 2 usage error.`;

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    const asked = args.command === 'help' || args.flags.has('--help') || args.flags.has('-h');
    if (args.command === '' || asked) {
      process.stdout.write(`${USAGE}\n`);
      return asked ? 0 : 2;
    }
    if (args.command === 'validate') return await runValidate(args);
    if (args.command === 'format') return await runFormat(args);
    throw new UsageError(`unknown command "${args.command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`wingsmith: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`wingsmith: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
