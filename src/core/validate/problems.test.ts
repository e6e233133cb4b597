import { describe, expect, it } from 'vitest';
import type { Finding } from '../findings';
import { groupProblems, originOfRule } from './problems';

const finding = (file: string, over: Partial<Finding> = {}): Finding => ({
  severity: 'error', rule: 'schema', message: 'Required field missing. [PackageIdentifier]', file, line: 1, column: 1, field: 'PackageIdentifier', ...over,
});

describe('groupProblems', () => {
  it('makes one problem of the same finding in several files', () => {
    const files = ['A.yaml', 'A.installer.yaml', 'A.locale.en-US.yaml'];
    const problems = groupProblems(files.map((f) => finding(f)));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.findings.map((f) => f.file)).toEqual(files);
  });

  it('keeps apart what differs in field, message, rule or severity, and two places in one file', () => {
    const problems = groupProblems([
      finding('A.yaml'),
      finding('A.yaml', { line: 7 }),
      finding('A.yaml', { field: 'PackageVersion', message: 'Required field missing. [PackageVersion]' }),
      finding('B.yaml', { severity: 'warning' }),
      finding('B.yaml', { rule: 'field-unknown' }),
      finding('B.yaml'),
    ]);
    expect(problems.map((p) => p.findings.map((f) => `${f.file}:${f.line}`))).toEqual([
      ['A.yaml:1', 'B.yaml:1'], ['A.yaml:7'], ['A.yaml:1'], ['B.yaml:1'], ['B.yaml:1'],
    ]);
  });
});

describe('originOfRule', () => {
  it('tells the client’s own checks from the community pipeline’s', () => {
    expect(['schema', 'yaml-duplicate-key', 'field-case', 'installer-type-required'].map(originOfRule)).toEqual(['winget', 'winget', 'winget', 'winget']);
    expect(['community-path-case', 'header-missing', 'installers-hash-mismatch'].map(originOfRule)).toEqual(['community', 'community', 'community']);
  });
});
