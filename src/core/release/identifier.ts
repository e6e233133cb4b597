/** A PackageIdentifier for a package first published from a GitHub repository. */

/** Characters a segment of PackageIdentifier cannot hold (the schema's pattern), `.` included: it separates them. */
function forbidden(char: string): boolean {
  return char.charCodeAt(0) <= 0x1f || /[.\s\\/:*?"<>|]/.test(char);
}

/** The schema allows 1 to 32 characters per segment. */
const SEGMENT_MAX = 32;

function segment(name: string, fallback: string): string {
  const replaced = Array.from(name.trim(), (char) => (forbidden(char) ? '-' : char)).join('');
  const cut = replaced.replace(/^-+/, '').slice(0, SEGMENT_MAX).replace(/-+$/, '');
  return cut === '' ? fallback : cut;
}

/**
 * `Owner.Repo` as GitHub spells them (the community keeps the publisher's own casing: `junegunn.fzf`), each part
 * made a valid segment: a dot or other forbidden character becomes `-` (so `socket.io` stays one segment rather
 * than silently becoming a sub-package), and parts are cut to 32 characters.
 */
export function suggestedIdentifier(owner: string, repo: string): string {
  return `${segment(owner, 'Publisher')}.${segment(repo, 'Package')}`;
}
