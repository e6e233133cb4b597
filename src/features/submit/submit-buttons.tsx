import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { useEditor } from '../../document/use-editor';
import './submit.css';

/** How the app offers a dialog's button somewhere else too (the Start region): its face, and when it opens or closes. */
export interface DialogButtonProps {
  className?: string;
  /** The button's content; its accessible name must still begin with the dialog's name. */
  children?: ReactNode;
  onOpenChange?: (open: boolean) => void;
}

/** Open state that also tells the caller, so a container can stay mounted while its dialog is open. */
function useDialogOpen(onOpenChange?: (open: boolean) => void): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(false);
  return [open, (next: boolean) => {
    setOpen(next);
    onOpenChange?.(next);
  }];
}

// The dialogs carry the GitHub client (octokit) and react-query's mutations: loaded on first click, they stay
// out of the first page load.
const UpdatePackageDialog = lazy(() => import('./update-package-dialog').then((m) => ({ default: m.UpdatePackageDialog })));
const LinkedBar = lazy(() => import('./linked-pull-request').then((m) => ({ default: m.LinkedPullRequestBar })));
const EditPullRequestDialog = lazy(() => import('./edit-pull-request-dialog').then((m) => ({ default: m.EditPullRequestDialog })));
const PullRequestDialog = lazy(() => import('./pull-request-dialog').then((m) => ({ default: m.PullRequestDialog })));

/** A button that opens a lazily loaded dialog, with the face and open/close callback of DialogButtonProps. */
function dialogButton(label: string, Dialog: ComponentType<{ onClose: () => void }>) {
  return function DialogButton({ className, children, onOpenChange }: DialogButtonProps) {
    const [open, setOpen] = useDialogOpen(onOpenChange);
    return (
      <>
        <button type="button" className={className} onClick={() => setOpen(true)}>{children ?? label}</button>
        {open && (
          <Suspense fallback={null}>
            <Dialog onClose={() => setOpen(false)} />
          </Suspense>
        )}
      </>
    );
  };
}

export const UpdatePackageButton = dialogButton('Update existing package', UpdatePackageDialog);

export function OpenPullRequestButton() {
  const [run, setRun] = useState(0);
  return (
    <>
      <button type="button" className="submit-open" onClick={() => setRun((n) => n + 1)}>Open pull request</button>
      {run > 0 && (
        <Suspense fallback={null}>
          <PullRequestDialog key={run} onClose={() => setRun(0)} />
        </Suspense>
      )}
    </>
  );
}

export const EditPullRequestButton = dialogButton('Edit open pull request', EditPullRequestDialog);

/** The bar of a draft linked to an open pull request; the GitHub client it needs loads only for such a draft. */
export function LinkedPullRequestBar() {
  const link = useEditor((s) => s.pullRequest);
  if (!link) return null;
  return (
    <Suspense fallback={null}>
      <LinkedBar link={link} />
    </Suspense>
  );
}
