/**
 * Where pull requests go and with which token, shared by the settings and submit features. The token stays in
 * this tab's sessionStorage unless the user opts in to keeping it (localStorage) on this device; it is never
 * written anywhere else. Repository and API base are not secret and are always remembered.
 */
import { useSyncExternalStore } from 'react';

export const DEFAULT_API_BASE_URL = 'https://api.github.com';
export const DEFAULT_REPOSITORY = 'microsoft/winget-pkgs';

/** The same shape as the GitHub client's settings (the document layer cannot import it). */
export interface GitHubConnection {
  apiBaseUrl: string;
  repository: string;
  token: string;
  /** True when the token is kept in localStorage across restarts. */
  keepToken: boolean;
}

const SETTINGS_KEY = 'wingsmith.github.settings';
const TOKEN_KEY = 'wingsmith.github.token';

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function storage(kind: 'localStorage' | 'sessionStorage'): StorageLike | undefined {
  try {
    return globalThis[kind] ?? undefined;
  } catch {
    // Storage disabled by the browser: the connection then lives in memory only.
    return undefined;
  }
}

function readStored(): GitHubConnection {
  const local = storage('localStorage');
  const session = storage('sessionStorage');
  let saved: Partial<GitHubConnection> = {};
  try {
    saved = JSON.parse(local?.getItem(SETTINGS_KEY) ?? '{}') as Partial<GitHubConnection>;
  } catch {
    saved = {};
  }
  const kept = local?.getItem(TOKEN_KEY) ?? null;
  return {
    apiBaseUrl: typeof saved.apiBaseUrl === 'string' ? saved.apiBaseUrl : DEFAULT_API_BASE_URL,
    repository: typeof saved.repository === 'string' ? saved.repository : DEFAULT_REPOSITORY,
    token: kept ?? session?.getItem(TOKEN_KEY) ?? '',
    keepToken: kept !== null,
  };
}

let current: GitHubConnection = readStored();
const listeners = new Set<() => void>();

export function getGitHubConnection(): GitHubConnection {
  return current;
}

export function saveGitHubConnection(next: GitHubConnection): void {
  current = { ...next };
  const local = storage('localStorage');
  const session = storage('sessionStorage');
  try {
    local?.setItem(SETTINGS_KEY, JSON.stringify({ apiBaseUrl: next.apiBaseUrl, repository: next.repository }));
    if (next.keepToken && next.token !== '') {
      local?.setItem(TOKEN_KEY, next.token);
      session?.removeItem(TOKEN_KEY);
    } else {
      local?.removeItem(TOKEN_KEY);
      if (next.token !== '') session?.setItem(TOKEN_KEY, next.token);
      else session?.removeItem(TOKEN_KEY);
    }
  } catch {
    // A full or refused storage still leaves the connection usable in memory for this tab.
  }
  for (const listener of [...listeners]) listener();
}

/** Sign out: the token leaves memory, sessionStorage and localStorage; API base and repository stay. */
export function forgetGitHubToken(): void {
  saveGitHubConnection({ ...current, token: '', keepToken: false });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useGitHubConnection(): GitHubConnection {
  return useSyncExternalStore(subscribe, getGitHubConnection, getGitHubConnection);
}
