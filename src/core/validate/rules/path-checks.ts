/** Windows path checks for portable aliases and archive entries: nothing may leave the base directory. */

/** True for `C:\x`, `C:x` (drive-relative), `\x`, `/x` and UNC paths: none of them is relative to the base. */
function isRootedOrAbsolute(path: string): boolean {
  return /^[A-Za-z]:/.test(path) || path.startsWith('\\') || path.startsWith('/');
}

/** True when `path`, taken relative to a base directory, is rooted or climbs above the base with `..`. */
export function escapesBaseDirectory(path: string): boolean {
  if (isRootedOrAbsolute(path)) return true;
  let depth = 0;
  for (const segment of path.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      depth -= 1;
      if (depth < 0) return true;
    } else {
      depth += 1;
    }
  }
  return false;
}

/** `.EXE` from `bin/tool.EXE`, lower-cased; '' when the file name has no extension. */
export function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}
