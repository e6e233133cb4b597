import { openPullRequestFrom } from './recovery';
import { listFolder, readFileText, type RepoRef } from './repository';
import type { Transport } from './transport';
import type { PackageInfo, PreflightResult, SubmissionAttempt, SubmissionInput, SubmissionKind, TokenInfo } from './types';

export const CREATED_WITH = 'Created with Wingsmith';

export function submissionTitle(kind: SubmissionKind, identifier: string, version: string): string {
  const prefix = kind === 'update-version' ? 'Update version' : kind === 'new-version' ? 'New version' : 'New package';
  return `${prefix}: ${identifier} version ${version}`;
}

export function submissionKind(pkg: PackageInfo | undefined, version: string): SubmissionKind {
  if (!pkg) return 'new-package';
  return pkg.versions.some((v) => v.version === version) ? 'update-version' : 'new-version';
}

export function pullRequestBody(template: string | undefined): string {
  const text = template?.replace(/\s+$/, '') ?? '';
  return text === '' ? `${CREATED_WITH}.` : `${text}\n\n---\n${CREATED_WITH}.`;
}

const TEMPLATE_NAME = 'pull_request_template.md';

/** GitHub's lookup order: .github/, the root, docs/; a PULL_REQUEST_TEMPLATE/ folder offers its first template. */
export async function pullRequestTemplate(t: Transport, ref: RepoRef): Promise<string | undefined> {
  for (const folder of ['.github', '', 'docs']) {
    const entries = await listFolder(t, ref, folder);
    const file = entries.find((e) => e.type === 'file' && e.name.toLowerCase() === TEMPLATE_NAME);
    if (file) return readFileText(t, ref, file.path);
    const dir = entries.find((e) => e.type === 'dir' && e.name.toLowerCase() === 'pull_request_template');
    if (dir) {
      const templates = (await listFolder(t, ref, dir.path))
        .filter((e) => e.type === 'file' && e.name.toLowerCase().endsWith('.md'))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
      if (templates[0]) return readFileText(t, ref, templates[0].path);
    }
  }
  return undefined;
}

function titleWords(title: string): string[] {
  return title.split(/[\s:,;()[\]"'`]+/).filter((w) => w !== '');
}

/** Whether a title names exactly this identifier and version (not Google.Chrome.EXE for Google.Chrome, nor 1.0.1 for 1.0). */
export function titleMatches(title: string, identifier: string, version: string): boolean {
  const words = titleWords(title);
  const id = identifier.toLowerCase();
  return words.some((w) => w.toLowerCase() === id) && words.some((w) => w === version || w === `v${version}`);
}

/**
 * Open pull requests for this package and version, by title. The one an earlier attempt of this submission opened
 * is left out: the submission finds it and reports it as its result, so it is not someone else's duplicate. The
 * user's own others are marked, so the warning can say they are the user's.
 */
export async function openPullRequests(
  t: Transport,
  ref: RepoRef,
  input: Pick<SubmissionInput, 'identifier' | 'version'>,
  tokenInfo: () => Promise<TokenInfo>,
  attempt?: SubmissionAttempt,
): Promise<PreflightResult['openPullRequests']> {
  const { identifier, version } = input;
  const q = `repo:${ref.owner}/${ref.repo} is:pr is:open in:title "${identifier}" "${version}"`;
  const [res, login, earlier] = await Promise.all([
    t.call('the search for open pull requests', (o) => o.request('GET /search/issues', { q, per_page: 50 })),
    tokenInfo().then((info) => info.login.toLowerCase()),
    attempt?.forkOwner !== undefined && attempt.branch !== undefined ? openPullRequestFrom(t, ref, attempt.forkOwner, attempt.branch) : undefined,
  ]);
  return res.data.items
    .filter((item) => item.pull_request !== undefined && titleMatches(item.title, identifier, version) && item.number !== earlier?.number)
    .map((item) => ({
      number: item.number,
      url: item.html_url,
      title: item.title,
      ...(item.user?.login.toLowerCase() === login ? { mine: true as const } : {}),
    }));
}
