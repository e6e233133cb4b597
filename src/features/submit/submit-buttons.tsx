import { useState } from 'react';
import { PullRequestDialog } from './pull-request-dialog';
import { UpdatePackageDialog } from './update-package-dialog';
import './submit.css';

export function UpdatePackageButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>Update existing package</button>
      {open && <UpdatePackageDialog onClose={() => setOpen(false)} />}
    </>
  );
}

export function OpenPullRequestButton() {
  const [run, setRun] = useState(0);
  return (
    <>
      <button type="button" className="submit-open" onClick={() => setRun((n) => n + 1)}>Open pull request</button>
      {run > 0 && <PullRequestDialog key={run} onClose={() => setRun(0)} />}
    </>
  );
}
