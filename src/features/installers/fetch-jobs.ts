/**
 * Installers fetched by their InstallerUrl: a row per download, run by the installer worker like a dropped file
 * (hash as the bytes arrive, then the same analysis). GitHub release assets cannot be fetched from their
 * `browser_download_url` (no CORS there), so they go through the API's asset endpoint, without the token.
 */
import { getGitHubConnection } from '../../document/github-connection';
import type { ManifestSet } from '../../core/model/types';
import { vanityWarnings } from '../../installers/download/vanity';
import { effectiveUrls, installersOf, urlFileName } from './assign';
import { newRowId, runRowJob, type Updater } from './installer-jobs';
import { rowsStore, type FileRow } from './rows-store';

/** The API's answer for an asset is a redirect to storage that sends CORS; this Accept asks for the bytes. */
const OCTET_STREAM = 'application/octet-stream';

type Target = { url: string; accept?: string } | { error: string; failure: FileRow['failure'] };

function fileNameOf(url: string): string {
  return urlFileName(url) ?? url;
}

/** Where to download `url` from: the URL itself, or for a GitHub release asset, the API's asset endpoint. */
async function targetOf(url: string): Promise<Target> {
  const { apiBaseUrl, token } = getGitHubConnection();
  // Loaded on first use: octokit stays out of the first page, as for the GitHub dialogs.
  const releases = await import('../../github/releases');
  if (!releases.parseReleaseAssetUrl(url, apiBaseUrl)) return { url };
  const resolved = await releases.createReleaseReader({ apiBaseUrl, token }).resolveAsset(url);
  if ('error' in resolved) return { error: resolved.message, failure: resolved.error === 'private' ? 'private' : 'http' };
  return { url: resolved.apiUrl, accept: OCTET_STREAM };
}

function start(actions: Updater, id: number, nestedPath?: string): void {
  const row = rowsStore.row(id);
  if (!row?.url) return;
  const url = row.url;
  rowsStore.update(id, {
    status: 'resolving', error: undefined, failure: undefined, bytesDone: 0, samples: [], analysisError: undefined,
    ...(nestedPath === undefined ? {} : { nestedPath }),
  });
  targetOf(url)
    .catch((error: unknown): Target => ({ error: error instanceof Error ? error.message : String(error), failure: 'http' }))
    .then((target) => {
      // Cancelled or dismissed while the release was being looked up.
      if (rowsStore.row(id)?.status !== 'resolving') return;
      if ('error' in target) {
        rowsStore.update(id, { status: 'failed', error: target.error, failure: target.failure });
        return;
      }
      rowsStore.update(id, { status: 'queued', viaApi: target.accept !== undefined });
      runRowJob(actions, id, {
        type: 'fetch', url: target.url, name: row.name, analyse: true,
        ...(target.accept ? { accept: target.accept } : {}),
        ...(nestedPath === undefined ? {} : { nestedPath }),
      });
    });
}

/** Downloads, hashes and analyses the installer at `url` (an InstallerUrl of the draft). */
export function fetchInstaller(actions: Updater, draftId: string, url: string, packageVersion: string): void {
  const wanted = url.trim();
  const busy = rowsStore.get().find((r) => r.draftId === draftId && r.url === wanted && ['resolving', 'queued', 'hashing'].includes(r.status));
  if (busy) return;
  // A new fetch of the same URL replaces the previous row: its hash is the one that counts now.
  for (const old of rowsStore.get()) if (old.draftId === draftId && old.url === wanted) rowsStore.remove(old.id);
  const id = newRowId();
  rowsStore.add({
    id, draftId, url: wanted, name: fileNameOf(wanted), size: 0, status: 'resolving', bytesDone: 0, samples: [], installers: [], mismatch: [],
    applied: [], offered: [], warnings: vanityWarnings(wanted, packageVersion), dropZip: false,
  });
  start(actions, id);
}

/** The URLs of installers that have an InstallerUrl and no InstallerSha256 yet, each once. */
export function urlsToFetch(set: ManifestSet): string[] {
  const installers = installersOf(set);
  const urls = effectiveUrls(set).filter((url, i) => url !== '' && !String(installers[i]?.InstallerSha256 ?? '').trim());
  return [...new Set(urls)];
}

export function fetchMissing(actions: Updater, draftId: string, set: ManifestSet): number {
  const urls = urlsToFetch(set);
  const version = String(set.version.PackageVersion ?? '');
  for (const url of urls) fetchInstaller(actions, draftId, url, version);
  return urls.length;
}

/** `fetchMissing` for the store's current draft (the app hands it to features that fill InstallerUrls). */
export function fetchAllInstallers(store: Updater & { getState(): { draftId: string; set: ManifestSet } }): number {
  const { draftId, set } = store.getState();
  return fetchMissing(store, draftId, set);
}

export function retryFetch(actions: Updater, id: number): void {
  start(actions, id);
}

/** A download too big to keep in memory is fetched again to analyse the installer chosen inside it. */
export function refetchForNested(actions: Updater, id: number, nestedPath: string): void {
  start(actions, id, nestedPath);
}
