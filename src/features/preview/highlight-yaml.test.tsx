// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { writeManifestSet } from '../../core/model/write-set';
import { validateManifest } from '../../core/validate/validate-manifest';
import { exampleManifests } from '../../../test/shared-paths';
import { highlightYaml } from './highlight-yaml';

afterEach(cleanup);

function shown(text: string): string | null {
  const { container } = render(<pre>{highlightYaml(text)}</pre>);
  return container.querySelector('pre')!.textContent;
}

describe('highlightYaml', () => {
  it('keeps every character of real manifests, comments, CRLF and blocks included', () => {
    const decoder = new TextDecoder();
    for (const example of exampleManifests()) {
      for (const file of example.files) {
        const text = decoder.decode(file.data);
        expect(shown(text)).toBe(text);
        cleanup();
      }
      const set = validateManifest(example.files).set!;
      for (const eol of ['lf', 'crlf'] as const) {
        for (const file of writeManifestSet(set, { eol }).files) {
          expect(shown(file.text)).toBe(file.text);
          cleanup();
        }
      }
    }
  });

  it('colours keys and comments but not the lines of a literal block', () => {
    const { container } = render(
      <pre>{highlightYaml('# header\nReleaseNotes: |-\n  Fixed: a bug\n  - Item: two\nTags:\n- cli # note\n')}</pre>,
    );
    const keys = [...container.querySelectorAll('.yaml-key')].map((n) => n.textContent);
    expect(keys).toEqual(['ReleaseNotes', 'Tags']);
    expect([...container.querySelectorAll('.yaml-comment')].map((n) => n.textContent)).toEqual(['# header', ' # note']);
    expect(container.querySelectorAll('.yaml-block')).toHaveLength(2);
  });
});
