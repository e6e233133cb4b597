import { useState } from 'react';
import { SettingsDialog } from './settings-dialog';
import './settings.css';

/** The `Settings` button and its dialog. */
export function SettingsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>Settings</button>
      {open && <SettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
