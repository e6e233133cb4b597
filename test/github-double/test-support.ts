import { manifestFileName, manifestFolder } from '../../src/core/repo/paths';
import { createGitHubClient, type GitHubClientOptions } from '../../src/github/client';
import type { GitHubClient, SubmissionInput } from '../../src/github/types';
import { FONT_FOLDER, FONT_ID, FONT_VERSION, fontManifest } from '../font-fixtures';
import { UPSTREAM } from './seed';
import type { GitHubDouble } from './server';

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
}

/** A client for the double whose fetch records every request it makes. */
export function clientFor(
  double: GitHubDouble,
  token: string,
  options: GitHubClientOptions & { repository?: string } = {},
): { client: GitHubClient; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push({ url, method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) } });
    return fetch(input, init);
  };
  const client = createGitHubClient(
    { apiBaseUrl: double.url, repository: options.repository ?? UPSTREAM, token },
    { forkPollMs: 20, ...options, fetch: options.fetch ?? recording },
  );
  return { client, requests };
}

/** A small but complete multi-file manifest at its repository paths. */
export function manifestInput(identifier: string, version: string, locales = ['en-US']): SubmissionInput {
  const folder = manifestFolder('manifests', identifier, version);
  const head = () => `PackageIdentifier: ${identifier}\nPackageVersion: ${version}\n`;
  const files = [
    { path: `${folder}${manifestFileName(identifier, 'version')}`, text: `${head()}DefaultLocale: en-US\nManifestType: version\nManifestVersion: 1.12.0\n` },
    {
      path: `${folder}${manifestFileName(identifier, 'installer')}`,
      text: `${head()}Installers:\n- Architecture: x64\n  InstallerType: exe\n  InstallerUrl: https://example.com/setup.exe\n  InstallerSha256: ${'A'.repeat(64)}\nManifestType: installer\nManifestVersion: 1.12.0\n`,
    },
    ...locales.map((locale, i) => ({
      path: `${folder}${manifestFileName(identifier, i === 0 ? 'defaultLocale' : 'locale', locale)}`,
      text: `${head()}PackageLocale: ${locale}\nPublisher: Example\nPackageName: Example\nLicense: MIT\nShortDescription: Example — ✓\nManifestType: ${i === 0 ? 'defaultLocale' : 'locale'}\nManifestVersion: 1.12.0\n`,
    })),
  ];
  return { identifier, version, root: 'manifests', files };
}

/** The font package of ../font-fixtures at its place under fonts/. */
export function fontManifestInput(): SubmissionInput {
  const files = Object.entries(fontManifest()).map(([name, text]) => ({ path: `${FONT_FOLDER}${name}`, text }));
  return { identifier: FONT_ID, version: FONT_VERSION, root: 'fonts', files };
}

export function expectedFiles(input: SubmissionInput): Record<string, string> {
  return Object.fromEntries(input.files.map((f) => [f.path, f.text]));
}

/**
 * `input` with its installer file's body replaced: `body` is everything between PackageVersion and ManifestType
 * (root keys and `Installers:`), so a test can give AppsAndFeaturesEntries, Dependencies or another type.
 */
export function withInstallerBody(input: SubmissionInput, body: string): SubmissionInput {
  const files = input.files.map((f) =>
    f.path.endsWith('.installer.yaml')
      ? { ...f, text: `PackageIdentifier: ${input.identifier}\nPackageVersion: ${input.version}\n${body}ManifestType: installer\nManifestVersion: 1.12.0\n` }
      : f,
  );
  return { ...input, files };
}

/** One installer of `type` whose Apps and Features entries give these DisplayVersions (none: no entries). */
export function installerBody(type: string, displayVersions: string[] = [], extra = ''): string {
  const entries = displayVersions.length === 0 ? '' : `  AppsAndFeaturesEntries:\n${displayVersions.map((v) => `  - DisplayVersion: '${v}'\n`).join('')}`;
  return `${extra}Installers:\n- Architecture: x64\n  InstallerType: ${type}\n  InstallerUrl: https://example.com/setup.${type === 'msi' ? 'msi' : 'exe'}\n  InstallerSha256: ${'A'.repeat(64)}\n${entries}`;
}
