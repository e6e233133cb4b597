import type { Reply } from './router';
import type { DoubleState } from './state';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): Reply {
  return { status: 200, body: `<!doctype html><meta charset="utf-8"><title>${escape(title)}</title><h1>${escape(title)}</h1>${body}` };
}

/** Minimal stand-ins for github.com pages the app links to (pull requests, compare and release pages), so demos can follow links. */
export function htmlPage(state: DoubleState, apiUrl: string, path: string, query: URLSearchParams): Reply | undefined {
  const pull = /^\/([^/]+)\/([^/]+)\/pull\/(\d+)$/.exec(path);
  if (pull) {
    const found = state.pulls.find(
      (p) => `${p.base.repo.owner}/${p.base.repo.name}`.toLowerCase() === `${pull[1]}/${pull[2]}`.toLowerCase() && p.number === Number(pull[3]),
    );
    if (!found) return undefined;
    const files = Object.keys(state.pullFiles(found.number)).map((f) => `<li>${escape(f)}</li>`).join('');
    return page(`${found.title} #${found.number}`, `<p>${escape(found.head.repo.owner)}:${escape(found.head.ref)}</p><ul>${files}</ul><pre>${escape(found.body)}</pre>`);
  }
  const compare = /^\/([^/]+)\/([^/]+)\/compare\/(.+)$/.exec(path);
  if (compare) {
    return page(`Compare ${decodeURIComponent(compare[3]!)}`, `<p>Title: ${escape(query.get('title') ?? '')}</p><pre>${escape(query.get('body') ?? '')}</pre>`);
  }
  const release = /^\/([^/]+)\/([^/]+)\/releases\/tag\/([^/]+)$/.exec(path);
  if (release) {
    const repo = state.repo(`${decodeURIComponent(release[1]!)}/${decodeURIComponent(release[2]!)}`);
    const found = repo && !repo.meta.private ? repo.releases.find((r) => !r.draft && r.tag_name === decodeURIComponent(release[3]!)) : undefined;
    if (!found) return undefined;
    const assets = found.assets.map((a) => `<li><a href="${escape(a.browser_download_url)}">${escape(a.name)}</a></li>`).join('');
    return page(found.name || found.tag_name, `<pre>${escape(found.body ?? '')}</pre><ul>${assets}</ul>`);
  }
  if (path === '/') return page('GitHub API double', `<p>API base URL: ${escape(apiUrl)}</p>`);
  return undefined;
}
