/**
 * URL well-formedness in the spirit of Windows IsValidURL: a scheme, `://`, and a host. Plain text such as
 * `NotAUrl`, a bare host, or a scheme with nothing after it is not a URL.
 */
const URL_SHAPE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#\\]+/;

export function isWellFormedUrl(url: string): boolean {
  return URL_SHAPE.test(url);
}

export function isHttpsUrl(url: string): boolean {
  return /^https:\/\//i.test(url);
}

const URL_PARTS = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)(?::[0-9]*)?([^?#]*)/;

/** The host of a URL, lower case and without a trailing dot; '' when there is none. */
export function hostOf(url: string): string {
  return (URL_PARTS.exec(url.trim())?.[1] ?? '').toLowerCase().replace(/\.$/, '');
}

/** The non-empty segments of a URL's path, lower case (owner and project names on code forges ignore case). */
export function pathSegmentsOf(url: string): string[] {
  return (URL_PARTS.exec(url.trim())?.[2] ?? '').toLowerCase().split('/').filter((s) => s !== '');
}
