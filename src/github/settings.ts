import type { GitHubSettings } from './types';

export const DEFAULT_API_BASE_URL = 'https://api.github.com';
export const DEFAULT_REPOSITORY = 'microsoft/winget-pkgs';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO_NAME = /^[A-Za-z0-9._-]{1,100}$/;
// Header-safe and without whitespace: anything else is a paste accident and would break the request.
const TOKEN = /^[\x21-\x7e]+$/;

export type SettingsProblems = Partial<Record<keyof GitHubSettings, string>>;

export interface SettingsValidation {
  valid: boolean;
  /** One message per field, for the settings form. */
  problems: SettingsProblems;
  /** Trimmed, with the API base URL's trailing slash removed. */
  settings: GitHubSettings;
}

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

function apiBaseProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full URL such as https://api.github.com or https://HOST/api/v3.';
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'Use https://; http:// is accepted only for 127.0.0.1, localhost or [::1], so the token never crosses the network in clear text.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an https:// URL.';
  if (url.username !== '' || url.password !== '') return 'Leave credentials out of the URL; the token goes in its own field.';
  if (url.search !== '' || url.hash !== '') return 'Leave out the query and fragment (? and #).';
  return undefined;
}

function repositoryProblem(value: string): string | undefined {
  const [owner, name, extra] = value.split('/');
  if (extra !== undefined || owner === undefined || name === undefined) return 'Write it as owner/name, e.g. microsoft/winget-pkgs.';
  if (!OWNER.test(owner)) return 'The owner is letters, digits and hyphens, e.g. microsoft.';
  if (!REPO_NAME.test(name) || name === '.' || name === '..') return 'The name is letters, digits, ".", "_" and "-", e.g. winget-pkgs.';
  return undefined;
}

/** Checks the connection settings; the UI shows `problems` per field and the client refuses invalid settings. */
export function validateSettings(
  settings: GitHubSettings,
  options: { requireToken?: boolean } = {},
): SettingsValidation {
  const normalized: GitHubSettings = {
    apiBaseUrl: settings.apiBaseUrl.trim().replace(/\/+$/, ''),
    repository: settings.repository.trim(),
    token: settings.token.trim(),
  };
  const problems: SettingsProblems = {};
  const api = apiBaseProblem(normalized.apiBaseUrl);
  if (api) problems.apiBaseUrl = api;
  const repo = repositoryProblem(normalized.repository);
  if (repo) problems.repository = repo;
  if (normalized.token === '') {
    if (options.requireToken !== false) problems.token = 'Paste a GitHub token (a classic token with the public_repo scope).';
  } else if (!TOKEN.test(normalized.token)) {
    problems.token = 'The token contains spaces or unusual characters; paste it again as GitHub shows it.';
  }
  return { valid: Object.keys(problems).length === 0, problems, settings: normalized };
}

export function splitRepository(repository: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = repository.split('/');
  return { owner, repo };
}

/**
 * The web address matching an API base: api.github.com → github.com, https://HOST/api/v3 → https://HOST. Other
 * bases (a local double) serve their own pages at their root.
 */
export function htmlBaseUrl(apiBaseUrl: string): string {
  const url = new URL(apiBaseUrl.replace(/\/+$/, ''));
  if (url.hostname.toLowerCase() === 'api.github.com') return 'https://github.com';
  const path = url.pathname.replace(/\/+$/, '');
  const base = path.toLowerCase().endsWith('/api/v3') ? path.slice(0, -'/api/v3'.length) : path;
  return `${url.origin}${base}`;
}
