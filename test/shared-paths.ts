import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** ../shared beside the repository: read-only reference data (official schemas, real manifests, rules). */
export const SHARED_DIR = path.resolve(import.meta.dirname, '..', '..', 'shared');
export const EXAMPLES_DIR = path.join(SHARED_DIR, 'winget-pkgs-examples');
export const SCHEMAS_DIR = path.join(SHARED_DIR, 'winget-schemas');

export interface ExampleManifest {
  /** Folder path relative to the examples root, e.g. `manifests/o/Obsidian/Obsidian/1.11.7`. */
  folder: string;
  files: { name: string; path: string; data: Uint8Array }[];
}

/** Every manifest folder under ../shared/winget-pkgs-examples, in a stable order. */
export function exampleManifests(): ExampleManifest[] {
  if (!existsSync(EXAMPLES_DIR)) throw new Error(`missing ${EXAMPLES_DIR}: tests need ../shared beside the repo`);
  const out: ExampleManifest[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort();
    const yaml = names.filter((n) => /\.ya?ml$/i.test(n));
    if (yaml.length > 0) {
      out.push({
        folder: path.relative(EXAMPLES_DIR, dir).split(path.sep).join('/'),
        files: yaml.map((name) => {
          const file = path.join(dir, name);
          return { name, path: path.relative(EXAMPLES_DIR, file).split(path.sep).join('/'), data: new Uint8Array(readFileSync(file)) };
        }),
      });
    }
    for (const n of names) if (statSync(path.join(dir, n)).isDirectory()) walk(path.join(dir, n));
  };
  walk(EXAMPLES_DIR);
  return out;
}
