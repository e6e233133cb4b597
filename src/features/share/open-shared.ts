/**
 * Opening a share link: after the drafts are restored, a `#share=` fragment becomes a new draft (the one in
 * progress stays saved as it was), and the fragment leaves the address bar so a reload does not make another copy.
 */
import type { DocumentActions } from '../../document/types';

type Listener = () => void;
let message: string | undefined;
const listeners = new Set<Listener>();

function setMessage(next: string | undefined): void {
  message = next;
  for (const listener of [...listeners]) listener();
}

export const shareNotice = {
  get: (): string | undefined => message,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  dismiss: (): void => setMessage(undefined),
};

export async function openSharedDraft(actions: Pick<DocumentActions, 'importFiles'>, target: Window = window): Promise<void> {
  const hash = target.location.hash;
  const { decodeShare, isShareFragment } = await import('./share-codec');
  if (!isShareFragment(hash)) return;
  const decoded = decodeShare(hash);
  target.history.replaceState(target.history.state, '', `${target.location.pathname}${target.location.search}`);
  if (!decoded.ok) {
    setMessage(decoded.message);
    return;
  }
  const result = actions.importFiles(decoded.files.map((f) => ({ name: f.name, data: f.text })));
  if (!result.ok) {
    const first = result.findings[0];
    setMessage(`The shared files could not be opened${first ? `: ${first.file ? `${first.file}: ` : ''}${first.message}` : '.'} No draft was made.`);
    return;
  }
  setMessage(undefined);
}
