import { existsSync } from 'node:fs';

/**
 * Which Chromium the browser tests and benches drive: WINGSMITH_CHROMIUM when set, Debian's /usr/bin/chromium when
 * present (Playwright cannot download its own browser here), otherwise Playwright's own (undefined).
 */
export function chromiumExecutable(): string | undefined {
  return process.env.WINGSMITH_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

/** Flags for a closed network and no sandbox (root): no background traffic that would be refused anyway. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
