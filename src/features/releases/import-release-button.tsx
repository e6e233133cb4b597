import { lazy, Suspense, useState } from 'react';
import './releases.css';

// The dialog carries the GitHub reader (octokit): loaded on first click, it stays out of the first page load.
const ImportReleaseDialog = lazy(() => import('./import-release-dialog').then((m) => ({ default: m.ImportReleaseDialog })));

/** `label` names the button when it is offered for a repository the draft already downloads from. */
export function ImportReleaseButton({ className, label }: { className?: string; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {label ?? 'Import GitHub release'}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ImportReleaseDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
