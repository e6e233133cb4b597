/**
 * Packages winget-pkgs has removed for a reason (licence, PUA, the publisher's request, malware), as its policies
 * recognise new pull requests for them. The keyword lists are facts copied from microsoft/winget-pkgs:
 * - `.github/policies/flaggedPackages.yml`: labels Package-Flagged and replies with the reason;
 * - `.github/policies/blacklistedPackages.yml`: labels Blocking-Issue, which keeps the pull request from being
 *   approved (resourceManagement.yml approves only without it).
 *
 * Both match the pull request's title and body when it is opened, not the manifest. The title Wingsmith,
 * wingetcreate and Komac write is `<kind>: <PackageIdentifier> version <PackageVersion>` and the body is the
 * repository's template, so those two fields are what reaches the policies; they are checked. An entry the policy
 * looks for only in the body (`.BlackDesert`), or in body and title (CoolSoft), is checked the same way: a
 * hand-written body names the package, and a reviewer sees the identifier anyway.
 *
 * Words are matched ignoring case: the policies spell them unlike the identifiers they aim at (`Filezilla` for
 * TimKosse.FileZilla.Client), and their one regex says so itself (`(?in)[Uμ]torrent`). An entry of several words
 * needs all of them in the same field (the policies' `and`).
 */
import type { RuleId } from '../catalog';
import type { Finding } from '../../findings';
import type { CommunityRule } from './community-rules';
import { asRaw, finding, text } from './rule-context';

/** One policy entry: every part must occur; a string is a literal, a RegExp a pattern. */
type Entry = readonly (string | RegExp)[];

/** flaggedPackages.yml, in its order. `ranhpa` is the policy's spelling (the publisher is ranpha), kept as it matches. */
const FLAGGED: readonly Entry[] = [
  ['Filezilla'],
  ['CheatEngine'],
  ['GitCredentialManager'],
  ['ranhpa', 'LavFiltersMegamix'],
  ['Mariocube'],
  ['IvanG', 'BrowserTamer'],
  ['aloneguid', 'BrowserTamer'],
  ['FFXIV', 'Teamcraft'],
  ['ArtifexSoftware', 'GhostScript'],
  ['PuloversMacroCreator'],
  ['ALVR'],
  ['3Kontakt'],
  ['.BlackDesert'],
  ['Mozilla', 'MaintenanceService'],
  ['CoolSoft'],
  ['Zapret'],
  [/[uμ]torrent/i],
];

/** blacklistedPackages.yml: each keyword on its own. */
const BLOCKED: readonly Entry[] = [
  ['Estmob'], ['SendAnywhere'], ['Filezilla'], ['CheatEngine'], ['GitCredentialManager'], ['ranhpa'], ['LavFiltersMegamix'],
];

const FIELDS = ['PackageIdentifier', 'PackageVersion'] as const;

/** The text each part matched in `value`, or undefined when a part does not occur. */
function matchEntry(entry: Entry, value: string, lower: string): string[] | undefined {
  const found: string[] = [];
  for (const part of entry) {
    if (typeof part === 'string') {
      const at = lower.indexOf(part.toLowerCase());
      if (at < 0) return undefined;
      found.push(value.slice(at, at + part.length));
    } else {
      const match = part.exec(value);
      if (match === null) return undefined;
      found.push(match[0]);
    }
  }
  return found;
}

const quoted = (words: readonly string[]): string => words.map((w) => `"${w}"`).join(' and ');

function keywordRule(id: RuleId, entries: readonly Entry[], consequence: string): CommunityRule {
  return {
    id,
    severity: 'warning',
    fullOnly: false,
    run(ctx) {
      const version = asRaw(ctx.set.version);
      const out: Finding[] = [];
      for (const field of FIELDS) {
        const value = text(version?.[field]);
        if (value === '') continue;
        const lower = value.toLowerCase();
        for (const entry of entries) {
          const words = matchEntry(entry, value, lower);
          if (words === undefined) continue;
          out.push(finding(ctx, id, 'warning', `${field} contains ${quoted(words)}, ${consequence} Value: ${value}`, 'version', [field]));
          // One finding per field is enough to act on; a second entry would repeat the same advice.
          break;
        }
      }
      return out;
    },
  };
}

export const flaggedPackageRule = keywordRule('community-flagged-package', FLAGGED,
  'which winget-pkgs\' policy flags: the package was removed from the repository for a reason (licence, bundled PUA, the publisher\'s request, malware), and a pull request for it is labelled and answered with that reason.');

export const blockedPackageRule = keywordRule('community-blocked-package', BLOCKED,
  'which winget-pkgs\' block list matches: a pull request for this package is labelled as blocked and is not approved while the label stays.');
