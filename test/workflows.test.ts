import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';

// Each workflow checked against the GitHub Actions workflow schema (SchemaStore's, as @action-validator bundles it),
// so a typo in a key or a wrong shape fails here rather than on GitHub after a push.
const DIR = path.resolve(import.meta.dirname, '..', '.github', 'workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

describe('GitHub Actions workflows', () => {
  it('there is a deploy workflow', () => {
    expect(files).toContain('pages.yml');
  });

  it.each(files)('%s matches the workflow schema', (file) => {
    const state = validateWorkflow(readFileSync(path.join(DIR, file), 'utf8'));
    expect(state.errors).toEqual([]);
  });

  it('a broken workflow is caught', () => {
    expect(validateWorkflow('on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n').errors.length).toBeGreaterThan(0);
  });
});
