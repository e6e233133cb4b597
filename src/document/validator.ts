/**
 * The core validator, loaded as its own chunk: the semantic and community rules are not needed for the first
 * paint, only ~100 ms later when the first validation runs. Loading starts as soon as the document layer loads.
 */
import type { validateManifest } from '../core/validate/validate-manifest';

export type Validate = typeof validateManifest;

let loaded: Validate | undefined;

export const validatorReady: Promise<Validate> = import('../core/validate/validate-manifest').then((m) => {
  loaded = m.validateManifest;
  return loaded;
});

/** The validator when its chunk has arrived (almost always: it loads at startup). */
export function loadedValidator(): Validate | undefined {
  return loaded;
}
