import { useEffect, useRef, type ReactNode } from 'react';
import './modal.css';

/** A native modal dialog: focus trap, Escape and the top layer come from the browser. */
export function Modal({ labelId, onClose, className, children }: { labelId: string; onClose: () => void; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom and very old browsers lack showModal; an open dialog still shows its content there.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      // Unmounted while open, the dialog leaves the page before it closes and the browser hands focus to nobody:
      // give it back to the control that opened it, unless something else took it (or the opener went too).
      const now = document.activeElement;
      if (opener?.isConnected && (now === null || now === document.body || !now.isConnected)) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelId}
      className={className ? `modal ${className}` : 'modal'}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
