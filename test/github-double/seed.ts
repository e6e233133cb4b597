import { exampleManifests } from '../shared-paths';
import type { AssetInput } from './release-state';
import { seedSampleRelease } from './seed-release';
import type { DoubleState, DoubleUser } from './state';

export const UPSTREAM = 'microsoft/winget-pkgs';
export const DOUBLE_LOGIN = 'wingsmith-dev';

/** Tokens the seeded double accepts. */
export const DOUBLE_TOKENS: Record<string, Omit<DoubleUser, 'id'>> = {
  'ghp_double_classic': { login: DOUBLE_LOGIN, scopes: ['public_repo'] },
  'ghp_double_workflow': { login: DOUBLE_LOGIN, scopes: ['public_repo', 'workflow'] },
  'github_pat_double_fine': { login: DOUBLE_LOGIN, scopes: null },
};

export const PR_TEMPLATE = `- [ ] Have you signed the Contributor License Agreement?
- [ ] Is there a linked issue? Write its number here: #
- [ ] Have you checked that there are no other open pull requests for the same manifest update?
- [ ] Did you validate the manifest locally with \`winget validate --manifest <path>\`?
- [ ] Did you test the manifest locally with \`winget install --manifest <path>\`?
`;

export const WORKFLOW = `name: Validate
on: pull_request
jobs:
  validate:
    runs-on: windows-latest
    steps:
      - run: echo validate
`;

/** Google.Chrome versions beside the Google.Chrome.EXE child package, in an order that string sorting gets wrong. */
export const CHROME_VERSIONS = ['9.0.1', '124.0.6367.60', '124.0.6367.119', '99.0'];

function chromeFiles(): Record<string, Buffer> {
  const exe = exampleManifests().find((m) => m.folder.endsWith('Google/Chrome/EXE/124.0.6367.119'));
  if (!exe) throw new Error('the Google.Chrome.EXE example is missing from ../shared/winget-pkgs-examples');
  const out: Record<string, Buffer> = {};
  for (const version of CHROME_VERSIONS) {
    for (const file of exe.files) {
      const text = Buffer.from(file.data)
        .toString('utf8')
        .replaceAll('Google.Chrome.EXE', 'Google.Chrome')
        .replaceAll('124.0.6367.119', version);
      out[`manifests/g/Google/Chrome/${version}/${file.name.replace('Google.Chrome.EXE', 'Google.Chrome')}`] = Buffer.from(text);
    }
  }
  return out;
}

/**
 * A winget-pkgs-like upstream built from the real examples in ../shared, the double's users, and a source
 * repository with one release (see seed-release.ts) holding `releaseAssets`.
 */
export function seedDouble(state: DoubleState, tokens: Record<string, Omit<DoubleUser, 'id'>> = DOUBLE_TOKENS, releaseAssets: AssetInput[] = []): void {
  let id = 1;
  for (const [token, user] of Object.entries(tokens)) state.tokens.set(token, { ...user, id: id++ });
  const files: Record<string, string | Buffer> = {
    'README.md': '# winget-pkgs (test double)\n',
    '.github/PULL_REQUEST_TEMPLATE.md': PR_TEMPLATE,
    '.github/workflows/validate.yml': WORKFLOW,
    ...chromeFiles(),
  };
  for (const manifest of exampleManifests()) {
    for (const file of manifest.files) files[file.path] = Buffer.from(file.data);
  }
  const [owner, name] = UPSTREAM.split('/') as [string, string];
  state.createRepo(owner, name, files);
  seedSampleRelease(state, releaseAssets);
}

