/**
 * Runs the GitHub API double for demos: `npx tsx test/github-double/serve.ts --port 8787 --seed [--fork-delay 1500]
 * [--path-prefix /api/v3]` (the prefix imitates GitHub Enterprise Server). Then set the app's API base URL to the
 * printed address and paste one of the printed tokens. With --seed it also serves a sample source repository whose
 * release holds real installers (built with Debian's wixl, makensis and mingw-w64 when they are installed).
 */
import { parseArgs } from 'node:util';
import { DOUBLE_TOKENS } from './seed';
import { buildSampleInstallers, SAMPLE_REPO, SAMPLE_TAG } from './seed-release';
import { createGitHubDouble } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'boolean', default: false },
    'fork-delay': { type: 'string', default: '1500' },
    'path-prefix': { type: 'string', default: '' },
  },
});

// Built before the double starts, once (the build is cached), so a reset keeps the same assets.
const sample = values.seed ? await buildSampleInstallers() : { assets: [] };
const double = await createGitHubDouble({
  port: Number(values.port),
  host: values.host,
  seed: values.seed,
  forkDelayMs: Number(values['fork-delay']),
  pathPrefix: values['path-prefix'],
  sampleReleaseAssets: sample.assets,
});
console.log(`GitHub API double at ${double.url}`);
if (double.webUrl !== double.url) console.log(`  web pages at ${double.webUrl}`);
console.log(`  release assets served from ${double.cdnUrl}`);
if (values.seed) {
  for (const [token, user] of Object.entries(DOUBLE_TOKENS)) {
    console.log(`  token ${token}: ${user.login}, ${user.scopes === null ? 'fine-grained' : `scopes ${user.scopes.join(', ') || '(none)'}`}`);
  }
  const release = double.state.repo(SAMPLE_REPO)?.releases.find((r) => r.tag_name === SAMPLE_TAG);
  console.log(`  release to import: ${double.state.urls.releaseWeb}/${SAMPLE_REPO}/releases/tag/${SAMPLE_TAG} (${release?.assets.length ?? 0} assets)`);
  if ('problem' in sample && sample.problem) console.log(`  the sample release has no installers: ${sample.problem}`);
}
const stop = () => void double.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
