/**
 * The file name a URL downloads: its last path segment, URL-decoded (kept as written when the escape is broken),
 * without query or fragment; '' when the path names none. Plain string work: the core has no URL class.
 */
export function fileNameOfUrl(url: string): string {
  const path = (url.trim().split(/[?#]/, 1)[0] ?? '').replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/, '');
  const last = path.split('/').filter((segment) => segment !== '').at(-1) ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
