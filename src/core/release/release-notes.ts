/** ReleaseNotes as the manifest may hold them. */
import { markdownToPlainText } from './markdown-text';

/**
 * The schema's maxLength for ReleaseNotes. Compared with `string.length` (UTF-16 code units), which is never less
 * than the code point count JSON Schema uses, so a text that passes here passes the official schema and ours.
 */
export const RELEASE_NOTES_MAX_LENGTH = 10000;

const ELLIPSIS = '…';

/**
 * The text cut to `max` characters at a line boundary, ending with a line `…` when anything was cut. Release
 * bodies with long changelogs exceed the schema's maxLength, which would fail validation; whole lines keep the
 * list structure readable. A first line longer than `max` on its own is cut inside it (not inside a surrogate pair).
 */
export function truncateReleaseNotes(text: string, max = RELEASE_NOTES_MAX_LENGTH): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length - 1;
  const lines = text.split('\n');
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    const added = (kept.length > 0 ? 1 : 0) + line.length;
    if (length + added > room) break;
    kept.push(line);
    length += added;
  }
  while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
  if (kept.length === 0) {
    let cut = Math.max(room, 0);
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    return `${text.slice(0, cut).trimEnd()}\n${ELLIPSIS}`;
  }
  return `${kept.join('\n')}\n${ELLIPSIS}`;
}

/** A release body as ReleaseNotes: plain text within the schema's limit; '' when there is nothing to say. */
export function releaseNotesFromBody(body: string): string {
  return truncateReleaseNotes(markdownToPlainText(body));
}
