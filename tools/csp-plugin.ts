/**
 * The built page's Content-Security-Policy, as a <meta> written at build time (the dev server's hot reload needs
 * inline scripts, so `npm run dev` goes without). Inline scripts are allowed by their SHA-256 only, computed here
 * from the HTML as built, so the theme boot script can change without a hand-kept hash.
 *
 * No 'wasm-unsafe-eval': the SHA-256 WebAssembly module compiles only inside the installer worker, and a worker
 * loaded from the site gets its policy from its own response, not from this page's <meta>.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export function cspDirectives(inlineScriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`.trim(),
    // Monaco writes <style> elements and React sets style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self'",
    // https: for the GitHub API (github.com or an Enterprise host) and installer downloads; loopback for local mirrors and the GitHub double.
    "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => createHash('sha256').update(m[1]!, 'utf8').digest('base64'));
}

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'wingsmith-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${cspDirectives(inlineScriptHashes(html))}" />`;
        return html.replace(/<meta charset="UTF-8" \/>/, (charset) => `${charset}\n    ${meta}`);
      },
    },
  };
}
