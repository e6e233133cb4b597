/** Where each part of an analysis goes: the file's installer(s), and for bundles one installer per architecture. */
import { expandInstallers } from '../../core/model/installers';
import type { ManifestSet } from '../../core/model/types';
import type { InstallerAnalysis, Suggestion } from '../../installers/analyse';
import { addInstaller, installersOf } from './assign';
import { mergeSuggestions, type MergeResult, type Placed } from './suggestions';

function architectureOf(suggestions: readonly Suggestion[]): string | undefined {
  const found = suggestions.find((s) => s.field === 'Architecture' && typeof s.value === 'string');
  return found?.value as string | undefined;
}

/**
 * The set with the Architecture of the blank installer a file just filled left open for the file's own, when the
 * analysis knows it (one build, not a bundle): that value was the new manifest's default (`x64`), not a choice
 * made for this file, so it should not turn the file's architecture into a mere suggestion.
 */
export function openBlankArchitecture(set: ManifestSet, index: number, defaultArchitecture: string, analysis: InstallerAnalysis): ManifestSet {
  if ((analysis.variants?.length ?? 0) > 1) return set;
  const found = architectureOf([...analysis.suggestions, ...(analysis.variants?.[0]?.suggestions ?? [])]);
  const installers = installersOf(set);
  const current = installers[index];
  if (!found || found === defaultArchitecture || !current || current.Architecture !== defaultArchitecture) return set;
  const rest = Object.fromEntries(Object.entries(current).filter(([key]) => key !== 'Architecture'));
  const next = installers.map((inst, i) => (i === index ? rest : inst));
  return { ...set, installer: { ...set.installer, Installers: next } as ManifestSet['installer'] };
}

/**
 * Places the analysis on `targets` (installers that hold the file's hash). A bundle's variants take the target with
 * their architecture, else the next unused target, else a new installer with the same URL and hash.
 */
export function placeAnalysis(set: ManifestSet, targets: readonly number[], analysis: InstallerAnalysis, autoApply: boolean): MergeResult {
  if (targets.length === 0) return { set, applied: [], offered: [] };
  const base = analysis.suggestions;
  const variants = analysis.variants ?? [];
  if (variants.length <= 1) {
    const all = [...base, ...(variants[0]?.suggestions ?? [])];
    const placed: Placed[] = [];
    for (const s of all) {
      if (s.target !== 'installer') placed.push({ suggestion: s, installer: targets[0]! });
      else for (const i of targets) placed.push({ suggestion: s, installer: i });
    }
    return mergeSuggestions(set, placed, autoApply);
  }
  let next = set;
  const unused = [...targets];
  const effective = expandInstallers(set.installer);
  const placed: Placed[] = [];
  const template = installersOf(set)[targets[0]!]!;
  // First the installers that already have a variant's architecture, then the rest in order, then new ones.
  const chosen = variants.map((variant) => {
    const arch = architectureOf(variant.suggestions);
    const index = unused.find((i) => arch !== undefined && effective[i]?.Architecture === arch);
    if (index !== undefined) unused.splice(unused.indexOf(index), 1);
    return index;
  });
  variants.forEach((variant, n) => {
    let index = chosen[n] ?? unused.shift();
    if (index === undefined) {
      const added = addInstaller(next, { InstallerUrl: template.InstallerUrl ?? '', InstallerSha256: template.InstallerSha256 ?? '' });
      next = added.set;
      index = added.index;
    }
    for (const s of [...base, ...variant.suggestions]) {
      if (s.target !== 'installer' && n > 0) continue;
      placed.push({ suggestion: s, installer: index });
    }
  });
  return mergeSuggestions(next, placed, autoApply);
}
