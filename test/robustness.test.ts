import { describe, expect, it } from 'vitest';
import { writeManifestSet } from '../src/core/model/write-set';
import { validateManifest } from '../src/core/validate/validate-manifest';
import { exampleManifests } from './shared-paths';

// Whatever a user drops or pastes, the core answers with findings, never an exception.
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

const examples = exampleManifests();
const SNIPPETS = ['\n', ':', '- ', '  ', '"', "'", '#', '{', '[', ']', '}', '&a', '*a', '!!int ', '|', '>', '\t', '\u0000', '\u001b', '\uFFFD', '---\n', '...\n', '? ', 'Installers:', 'ManifestType: installer', 'ManifestVersion: 9.0.0', '0x', '~'];

describe('bad input never escapes the core as an exception', () => {
  it('survives 600 random mutations of real manifests, and whatever it assembles can be written', () => {
    const random = rng(20261121);
    for (let i = 0; i < 600; i++) {
      const example = examples[Math.floor(random() * examples.length)]!;
      const files = example.files.map((f) => {
        const bytes = Array.from(f.data);
        const edits = 1 + Math.floor(random() * 4);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(random() * bytes.length);
          const kind = random();
          if (kind < 0.3) bytes.splice(at, Math.floor(random() * 40));
          else if (kind < 0.6) bytes.splice(at, 0, ...new TextEncoder().encode(SNIPPETS[Math.floor(random() * SNIPPETS.length)]!));
          else bytes[at] = Math.floor(random() * 256);
        }
        return { name: f.name, data: new Uint8Array(bytes) };
      });
      const result = validateManifest(files);
      for (const f of result.findings) {
        expect(typeof f.message).toBe('string');
        expect(f.line).toBeGreaterThanOrEqual(0);
      }
      if (result.set) writeManifestSet(result.set, {});
    }
  });

  it('reports pathological files as located findings', () => {
    const deep = `${'- '.repeat(5000)}x\n`;
    const cases = ['', '\u0000\u0001\u0002', 'just a scalar', '[1, 2', deep, 'a: &x [*x]\n', `PackageIdentifier: ${'A'.repeat(200_000)}\n`];
    for (const text of cases) {
      const result = validateManifest([{ name: 'bad.yaml', data: text }]);
      expect(result.valid).toBe(false);
      expect(result.findings.length).toBeGreaterThan(0);
      expect(result.findings.every((f) => f.file === 'bad.yaml')).toBe(true);
    }
  });
});
