import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/findings';
import { fileFindings, findingMarkers, firstParseError, MARKER_OWNER, MARKER_SEVERITY } from './markers';

const finding = (over: Partial<Finding>): Finding => ({
  severity: 'error',
  rule: 'schema',
  message: 'Bad value',
  file: 'A.B.installer.yaml',
  line: 1,
  column: 1,
  field: '',
  ...over,
});

const lines = ['PackageIdentifier: A.B', 'Installers:', '- Architecture: x64   ', '', '  InstallerUrl: http://x'];

describe('fileFindings', () => {
  it("keeps the file's own findings and its parse errors, once each", () => {
    const syntax = finding({ rule: 'yaml-syntax', message: 'Unexpected', line: 3, column: 5 });
    const file = { name: 'A.B.installer.yaml', parseFindings: [syntax] };
    const all = [finding({}), syntax, finding({ file: 'A.B.yaml' }), finding({ file: '' })];
    expect(fileFindings(file, all)).toEqual([syntax, finding({})]);
  });
});

describe('findingMarkers', () => {
  it('underlines from the finding to the end of the line content', () => {
    const [marker] = findingMarkers([finding({ line: 3, column: 3, field: 'Installers[0].Architecture' })], lines);
    expect(marker).toMatchObject({
      startLineNumber: 3,
      startColumn: 3,
      endLineNumber: 3,
      endColumn: 20,
      severity: MARKER_SEVERITY.error,
      source: MARKER_OWNER,
      code: 'schema',
    });
    expect(marker!.message).toContain('Bad value');
    expect(marker!.message).toContain('Installers[0].Architecture');
  });

  it('maps severities to Monaco values', () => {
    const [error, warning] = findingMarkers([finding({}), finding({ severity: 'warning' })], lines);
    expect(error!.severity).toBe(8);
    expect(warning!.severity).toBe(4);
  });

  it('starts at the content when the finding has no column, and clamps positions outside the text', () => {
    const [noColumn, noLine, pastEnd, pastColumn] = findingMarkers(
      [
        finding({ line: 5, column: 0 }),
        finding({ line: 0, column: 0 }),
        finding({ line: 40, column: 2 }),
        finding({ line: 2, column: 99 }),
      ],
      lines,
    );
    expect(noColumn).toMatchObject({ startLineNumber: 5, startColumn: 3, endColumn: 25 });
    expect(noLine).toMatchObject({ startLineNumber: 1, startColumn: 1, endColumn: 23 });
    expect(pastEnd).toMatchObject({ startLineNumber: 5, startColumn: 2 });
    expect(pastColumn).toMatchObject({ startLineNumber: 2, startColumn: 12, endColumn: 12 });
  });

  it('works on an empty text', () => {
    expect(findingMarkers([finding({ line: 3, column: 4 })], [])).toEqual([
      expect.objectContaining({ startLineNumber: 1, startColumn: 1, endColumn: 1 }),
    ]);
  });
});

describe('firstParseError', () => {
  it('is the earliest parse finding', () => {
    const a = finding({ line: 7, column: 2 });
    const b = finding({ line: 3, column: 9 });
    expect(firstParseError({ parseFindings: [a, b] })).toBe(b);
    expect(firstParseError({ parseFindings: [] })).toBeUndefined();
  });
});
