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
