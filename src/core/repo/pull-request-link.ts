/**
 * An open pull request a draft edits, as the draft keeps it (in its stored record, so it survives reloads): where
 * its branch is, the head it was loaded from, and the version folder's files at that head.
 */
export interface LinkedPullRequest {
  number: number;
  url: string;
  title: string;
  /** The target repository, owner/name. */
  repository: string;
  /** Where the branch lives, owner/name (the user's fork when it can be pushed to). */
  headRepository: string;
  branch: string;
  /** The branch head the draft was loaded from (or last pushed): a different head means someone else pushed. */
  headSha: string;
  /** The version folder, e.g. manifests/c/Contoso/Tool/1.0/. */
  folder: string;
  /** The folder's files at `headSha`: what a push deletes when the draft dropped one, and the base for a reload. */
  files: { path: string; text: string }[];
}

