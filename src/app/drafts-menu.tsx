/** The list of drafts: switch to one, rename it, delete it. A disclosure, closed with Escape or a click outside. */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { DraftSession, DraftSummary } from '../document/drafts';
import { useDrafts } from '../document/use-drafts';
import { useEditor } from '../document/use-editor';

/** One draft: open it, rename it, or delete it (after a confirmation); the Start region lists them too. */
export function DraftRow({ draft, current, session }: { draft: DraftSummary; current: boolean; session: DraftSession }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(draft.name);
  const inputId = useId();
  const onRename = (event: FormEvent) => {
    event.preventDefault();
    void session.rename(draft.id, name);
    setMode('view');
  };
  if (mode === 'rename') {
    return (
      <li className="draft-row">
        <form className="draft-rename" onSubmit={onRename}>
          <label htmlFor={inputId} className="visually-hidden">Draft name</label>
          <input id={inputId} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          <button type="submit">Save name</button>
          <button type="button" onClick={() => setMode('view')}>Cancel</button>
        </form>
      </li>
    );
  }
  return (
    <li className="draft-row">
      <button
        type="button"
        className="draft-open"
        aria-current={current ? 'true' : undefined}
        onClick={() => void session.switchTo(draft.id)}
      >
        <span className="draft-name">{draft.name}</span>
        <span className="draft-date">{new Date(draft.updatedAt).toLocaleString()}</span>
      </button>
      {mode === 'delete' ? (
        <span className="draft-confirm" role="group" aria-label={`Delete ${draft.name}?`}>
          <button type="button" className="danger" onClick={() => void session.remove(draft.id)}>
            Delete
          </button>
          <button type="button" onClick={() => setMode('view')}>Keep</button>
        </span>
      ) : (
        <span className="draft-actions">
          <button type="button" aria-label={`Rename ${draft.name}`} onClick={() => { setName(draft.name); setMode('rename'); }}>
            Rename
          </button>
          <button type="button" aria-label={`Delete ${draft.name}`} onClick={() => setMode('delete')}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
}

export function DraftsMenu({ session }: { session: DraftSession }) {
  const { drafts } = useDrafts(session);
  const currentId = useEditor((s) => s.draftId);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        root.current?.querySelector<HTMLButtonElement>('.drafts-toggle')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="drafts" ref={root}>
      <button
        type="button"
        className="drafts-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Drafts <span className="drafts-count">{drafts.length}</span>
      </button>
      <div id={panelId} className="drafts-panel" hidden={!open}>
        <h2 className="drafts-title">Drafts in this browser</h2>
        {drafts.length === 0 ? (
          <p className="drafts-empty">No saved drafts yet.</p>
        ) : (
          <ul className="drafts-list" aria-label="Drafts">
            {drafts.map((draft) => (
              <DraftRow key={draft.id} draft={draft} current={draft.id === currentId} session={session} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
