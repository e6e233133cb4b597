/**
 * The window's scroll position, remembered per view in the draft: restored when a draft loads and when the user
 * comes back to a view. Content can arrive late (the YAML chunk, a long form), so restoring retries for a moment.
 */
import { useEffect, useLayoutEffect } from 'react';
import type { DraftSession } from '../document/drafts';
import { useDrafts } from '../document/use-drafts';
import { useEditor } from '../document/use-editor';

function restore(y: number): () => void {
  let frame = 0;
  let tries = 0;
  const step = () => {
    const max = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo(0, Math.min(y, Math.max(0, max)));
    if (max >= y || ++tries > 90) return;
    frame = requestAnimationFrame(step);
  };
  step();
  return () => cancelAnimationFrame(frame);
}

export function useScrollMemory(session: DraftSession, ready: boolean): void {
  const view = useEditor((s) => s.view);
  const { restoreSeq } = useDrafts(session);

  useEffect(() => {
    if (!ready) return;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        session.setScroll(view, Math.round(window.scrollY));
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [ready, view, session]);

  useLayoutEffect(() => {
    if (!ready) return;
    return restore(session.getState().scroll[view] ?? 0);
  }, [ready, view, restoreSeq, session]);
}
