/**
 * The previous version a next-version draft started from, per draft: what the installer matcher shows beside
 * the new rows and what stale AppsAndFeaturesEntries are compared with. Kept for the tab's life (sessionStorage
 * too, so a reload keeps the matcher); a draft without one is a plain draft.
 */
import { useSyncExternalStore } from 'react';
import type { Installer } from '../../core/schema';

export interface NextVersionBaseline {
  identifier: string;
  previousVersion: string;
  /** The previous version's installers, expanded (root values inherited). */
  previousInstallers: Installer[];
}

const STORAGE_KEY = 'wingsmith.github.baselines';
const listeners = new Set<() => void>();
let baselines: Record<string, NextVersionBaseline> = readStored();

function readStored(): Record<string, NextVersionBaseline> {
  try {
    const parsed: unknown = JSON.parse(globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, NextVersionBaseline>) : {};
  } catch {
    return {};
  }
}

export function setBaseline(draftId: string, baseline: NextVersionBaseline): void {
  baselines = { ...baselines, [draftId]: baseline };
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(baselines));
  } catch {
    // Memory is enough for this tab.
  }
  for (const listener of [...listeners]) listener();
}

export function getBaseline(draftId: string): NextVersionBaseline | undefined {
  return baselines[draftId];
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useBaseline(draftId: string): NextVersionBaseline | undefined {
  return useSyncExternalStore(subscribe, () => baselines[draftId], () => baselines[draftId]);
}
