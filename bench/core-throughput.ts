import { writeManifestSet } from '../src/core/model/write-set';
import { validateManifest } from '../src/core/validate/validate-manifest';
import { exampleManifests } from '../test/shared-paths';

/**
 * Files parsed + validated + written per second on one core, over the shared real manifests. Each round reads
 * every example set from its bytes, runs full validation (schema, semantic, header, community rules) and
 * writes the set back in canonical style.
 */
export function benchCoreThroughput(): { files: number; seconds: number; filesPerSecond: number } {
  const examples = exampleManifests();
  const filesPerRound = examples.reduce((n, e) => n + e.files.length, 0);
  const round = () => {
    for (const example of examples) {
      const result = validateManifest(example.files.map((f) => ({ name: f.name, data: f.data, path: f.path })));
      if (result.set) writeManifestSet(result.set, {});
    }
  };
  for (let i = 0; i < 30; i++) round(); // warm-up: JIT and schema caches
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < 3000) {
    round();
    rounds++;
  }
  const seconds = (performance.now() - start) / 1000;
  const files = rounds * filesPerRound;
  return { files, seconds, filesPerSecond: files / seconds };
}
