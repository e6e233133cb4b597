/**
 * The Start region: while no draft is in progress (a first visit, or right after New manifest) it offers the jobs
 * one begins with and the drafts to go back to. It goes as soon as the draft is edited or a job is picked; a job's
 * dialog belongs to the button that opened it, so the region stays while that dialog is open.
 */
import { useId, useState, type ReactNode, type RefObject } from 'react';
import type { DraftSession } from '../document/drafts';
import { isUntouchedDraft } from '../document/untouched';
import { useDrafts } from '../document/use-drafts';
import { useActions, useDocumentStore, useEditor } from '../document/use-editor';
import { ImportReleaseButton } from '../features/releases';
import { EditPullRequestButton, UpdatePackageButton } from '../features/submit';
import { DraftRow } from './drafts-menu';
import { StartIcon, type StartIconName } from './start-icons';
import './start.css';

/** A job's face: its name first (the button's accessible name begins with it), what it does, what it needs. */
function JobFace({ icon, title, does, needs }: { icon: StartIconName; title: string; does: string; needs: string }) {
  return (
    <>
      <StartIcon name={icon} />
      <span className="start-job-title">{title}</span>
      <span className="start-job-does">{` ${does}`}</span>
      <span className="start-job-needs">{` Needs ${needs}`}</span>
    </>
  );
}

function Job({ children }: { children: ReactNode }) {
  return <li className="start-job">{children}</li>;
}

export function StartPanel({ session, manifestInput }: { session: DraftSession; manifestInput: RefObject<HTMLInputElement | null> }) {
  const untouched = useEditor(isUntouchedDraft);
  const draftId = useEditor((s) => s.draftId);
  const { drafts } = useDrafts(session);
  const store = useDocumentStore();
  const { focusFinding } = useActions();
  const titleId = useId();
  const draftsId = useId();
  /** The draft New package was picked for: the region stays away for it even though nothing is typed yet. */
  const [pickedFor, setPickedFor] = useState<string>();
  const [dialogOpen, setDialogOpen] = useState(false);

  const focusIdentifier = () => {
    const file = store.getState().files.find((f) => f.key === 'version');
    if (file) focusFinding({ severity: 'warning', rule: 'start', message: '', file: file.name, field: 'PackageIdentifier', line: 0, column: 0 });
  };
  const onDialog = (open: boolean) => {
    setDialogOpen(open);
    // The job filled or replaced the draft: the region goes, and focus goes to the form rather than to nowhere.
    if (!open && !isUntouchedDraft(store.getState())) focusIdentifier();
  };

  if (!(untouched && pickedFor !== draftId) && !dialogOpen) return null;
  const others = drafts.filter((d) => d.id !== draftId);
  return (
    <section className="start" aria-labelledby={titleId}>
      <h2 id={titleId} className="start-title">Start</h2>
      <p className="start-lead">
        Write a winget manifest for the community repository. Everything stays in this browser until you export it or
        open a pull request.
      </p>
      <ul className="start-jobs">
        <Job>
          <button type="button" className="start-button" onClick={() => { setPickedFor(draftId); focusIdentifier(); }}>
            <JobFace icon="new" title="New package" does="Start from an empty form, field by field."
              needs="nothing. A GitHub token only when you open the pull request." />
          </button>
        </Job>
        <Job>
          <UpdatePackageButton className="start-button" onOpenChange={onDialog}>
            <JobFace icon="update" title="Update existing package" does="Load the newest published version from winget-pkgs as a draft for the next one."
              needs="its package identifier. A GitHub token only when you open the pull request." />
          </UpdatePackageButton>
        </Job>
        <Job>
          <ImportReleaseButton className="start-button" onOpenChange={onDialog}>
            <JobFace icon="release" title="Import GitHub release" does="Fill the draft from a release: version, notes, installers downloaded and hashed."
              needs="the release or repository URL. No token for a public repository." />
          </ImportReleaseButton>
        </Job>
        <Job>
          <button type="button" className="start-button" onClick={() => manifestInput.current?.click()}>
            <JobFace icon="open" title="Open manifest files" does="Open YAML files you already have, or a zip of them."
              needs="the files (or drop them on the page). Nothing is uploaded." />
          </button>
        </Job>
        <Job>
          <EditPullRequestButton className="start-button" onOpenChange={onDialog}>
            <JobFace icon="edit" title="Edit open pull request" does="Load one of your pull requests, fix it, and push one commit to it."
              needs="a GitHub token, saved in Settings." />
          </EditPullRequestButton>
        </Job>
      </ul>
      {others.length > 0 && (
        <>
          <h3 id={draftsId} className="start-subtitle">Continue a draft</h3>
          <ul className="drafts-list start-drafts" aria-labelledby={draftsId}>
            {others.map((draft) => <DraftRow key={draft.id} draft={draft} current={false} session={session} />)}
          </ul>
        </>
      )}
    </section>
  );
}
