/**
 * The client's version text checks (§E2, §E21): a version written as `< x` or `> x` is an "approximate"
 * version, meaningful only in queries, never in a manifest. Almost any other text parses.
 */
export function approximateOrInvalid(version: string): 'approximate' | 'invalid' | undefined {
  if (version.startsWith('< ') || version.startsWith('> ')) {
    return version.slice(2).trim() === '' ? 'invalid' : 'approximate';
  }
  return version.trim() === '' ? 'invalid' : undefined;
}
