import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

/** The same Chromium the e2e tests use: Debian's when present, else Playwright's own. */
export function launchChromium(): Promise<Browser> {
  const executablePath =
    process.env.WINGSMITH_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
