/** What to tell the user when a file cannot be read: browsers throw terse DOMExceptions. */
export function readErrorMessage(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === 'NotReadableError') {
    return 'The file could not be read: it may have been moved, changed or deleted since it was chosen, or access to it is denied.';
  }
  if (name === 'NotFoundError') return 'The file is no longer there: it was moved or deleted after it was chosen.';
  if (name === 'SecurityError') return 'The browser refused to read this file.';
  return message || 'The file could not be read.';
}
