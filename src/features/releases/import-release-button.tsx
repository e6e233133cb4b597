import { lazy, Suspense, useState, type ReactNode } from 'react';
import './releases.css';

// The dialog carries the GitHub reader (octokit): loaded on first click, it stays out of the first page load.
const ImportReleaseDialog = lazy(() => import('./import-release-dialog').then((m) => ({ default: m.ImportReleaseDialog })));

interface ImportReleaseButtonProps {
  className?: string;
  /** Names the button when it is offered for a repository the draft already downloads from. */
  label?: string;
  /** The button's content where the app offers it with a description (the Start region); the name still begins with the dialog's. */
  children?: ReactNode;
  /** Told when the dialog opens and closes, so a container can stay mounted meanwhile. */
  onOpenChange?: (open: boolean) => void;
}

export function ImportReleaseButton({ className, label, children, onOpenChange }: ImportReleaseButtonProps) {
  const [open, setOpenState] = useState(false);
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {children ?? label ?? 'Import GitHub release'}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ImportReleaseDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
