import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { WINGSMITH_VERSION } from './wingsmith-version';

it('the version written into manifests is the package version', () => {
  const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
  expect(WINGSMITH_VERSION).toBe(pkg.version);
});
