/**
 * Replace, in the Open pull request dialog: a draft made by Update existing package knows the published version it
 * started from (its baseline), and the user may have the same commit delete that version. Opt-in only: most
 * packages keep their old versions, and removing one is the moderators' call to review.
 */
import { useId } from 'react';
import './remove-replace.css';
import type { PreflightResult, SubmissionInput } from '../../github/types';
import { replacementTitle } from '../../github/replace-version';
import type { NextVersionBaseline } from './next-version-baseline';

/** The version this submission could replace: the draft's baseline, when it is another version of the same package. */
export function replaceOffer(baseline: NextVersionBaseline | undefined, input: Pick<SubmissionInput, 'identifier' | 'version'>): string | undefined {
  const previous = baseline?.previousVersion ?? '';
  if (!baseline || previous === '') return undefined;
  // A draft whose identifier was changed is no longer a next version of the baseline's package.
  if (baseline.identifier.toLowerCase() !== input.identifier.toLowerCase()) return undefined;
  if (previous.toLowerCase() === input.version.toLowerCase()) return undefined;
  return previous;
}

/** The input and checks as sent when `replaced` is set: the title says so, its overlap is no longer one. */
export function withReplacement(
  input: SubmissionInput,
  preflight: PreflightResult,
  replaced: string | undefined,
): { input: SubmissionInput; preflight: PreflightResult } {
  if (replaced === undefined) return { input, preflight };
  return {
    input: { ...input, replaceVersion: replaced },
    preflight: {
      ...preflight,
      title: replacementTitle(preflight.title, replaced),
      arpVersionOverlaps: preflight.arpVersionOverlaps.filter((o) => o.version !== replaced),
    },
  };
}

export function ReplaceVersionOption({ version, checked, onChange }: { version: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const hintId = useId();
  return (
    <div className="submit-field submit-check">
      <label>
        <input type="checkbox" checked={checked} aria-describedby={hintId} onChange={(e) => onChange(e.target.checked)} />
        Replace version {version}
      </label>
      <p id={hintId} className="submit-hint">
        The same commit deletes version {version} from the repository: for when its installers are gone (the
        publisher&apos;s URL now serves this release). Leave it unticked to keep {version}.
      </p>
    </div>
  );
}
