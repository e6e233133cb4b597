/**
 * URLs that serve whatever is newest ("latest", "current", a redirecting alias). The bytes behind them change
 * with the next release, so the InstallerSha256 in a published manifest stops matching: a frequent cause of
 * failed installs and of the winget-pkgs bots' hash-mismatch reports.
 */
import { fileNameOfUrl } from '../../core/model/url-file-name';
const MOVING_WORDS = /(^|[/_.=?&-])(latest|current|stable|newest)([/_.=?&-]|$)/i;

/** Warnings for a URL before it is fetched: words that say it moves, or no trace of the version it is for. */
export function vanityWarnings(url: string, packageVersion: string): string[] {
  let path = url;
  try {
    const parsed = new URL(url);
    path = `${parsed.pathname}${parsed.search}`;
  } catch {
    // Not a URL yet; the words are checked all the same.
  }
  const warnings: string[] = [];
  if (MOVING_WORDS.test(path)) {
    warnings.push('This URL looks like it always serves the newest release ("latest"): when the next release comes out, the file changes and the InstallerSha256 no longer matches. Use the URL of this version\u2019s file if the publisher has one.');
  }
  const version = packageVersion.trim();
  if (warnings.length === 0 && version !== '' && !decodeSafe(path).includes(version)) {
    warnings.push(`This URL does not contain the version (${version}): if it serves each new release in turn, the hash will stop matching. Prefer a URL that names this version.`);
  }
  return warnings;
}

/** After the download: a redirect to a file of another name means the URL is an alias for whatever it points at now. */
export function redirectWarning(requested: string, finalUrl: string, redirected: boolean): string | undefined {
  if (!redirected) return undefined;
  const from = fileNameOfUrl(requested);
  const to = fileNameOfUrl(finalUrl);
  if (from === '' || to === '' || from.toLowerCase() === to.toLowerCase()) return undefined;
  return `This URL redirects to ${to}: it is an alias that may point at another file later. If ${to} has a stable URL, use that one.`;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
