import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useEditor } from '../../document/use-editor';
import { shareNotice } from './open-shared';
import './share.css';

// fflate's deflate is needed only on click, like the zip writer.
const loadCodec = () => import('./share-codec');

type Shown = { link: string; copied: boolean } | { error: string };

/** `Share link`: this site's URL with the draft's files in the fragment, shown in a field and copied. */
export function ShareLinkButton() {
  const files = useEditor((s) => s.files);
  const [shown, setShown] = useState<Shown>();
  const fieldId = useId();
  const field = useRef<HTMLInputElement>(null);

  // A link made from earlier text would share an old draft.
  useEffect(() => setShown(undefined), [files]);

  const onClick = async () => {
    const { encodeShare } = await loadCodec();
    const encoded = encodeShare(files.map((f) => ({ name: f.name, text: f.text })));
    if (!encoded.ok) {
      setShown({ error: encoded.message });
      return;
    }
    const link = `${window.location.origin}${window.location.pathname}${window.location.search}#${encoded.fragment}`;
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard permission (or not a secure context): the field below is selected for a manual copy.
    }
    setShown({ link, copied });
    requestAnimationFrame(() => field.current?.select());
  };

  return (
    <span className="share-link">
      <button type="button" onClick={() => void onClick()} onPointerEnter={() => void loadCodec()} onFocus={() => void loadCodec()}>
        Share link
      </button>
      {shown && 'link' in shown && (
        <span className="share-link-result" role="status">
          <label htmlFor={fieldId}>Share link</label>
          <input id={fieldId} ref={field} readOnly value={shown.link} onFocus={(e) => e.currentTarget.select()} />
          <span className="share-link-note">
            {shown.copied ? 'Copied. ' : 'Select the link and copy it. '}
            The files travel in the link itself (after #); nothing is uploaded, and settings and your token are not in it.
          </span>
          <button type="button" className="share-link-close" aria-label="Close share link" onClick={() => setShown(undefined)}>×</button>
        </span>
      )}
      {shown && 'error' in shown && <span className="share-link-error" role="alert">{shown.error}</span>}
    </span>
  );
}

/** What went wrong opening a share link, until dismissed. */
export function ShareNotice() {
  const message = useSyncExternalStore(shareNotice.subscribe, shareNotice.get, shareNotice.get);
  if (!message) return null;
  return (
    <div className="banner banner-warning" role="alert">
      <p>{message}</p>
      <div className="banner-actions">
        <button type="button" onClick={shareNotice.dismiss}>Dismiss</button>
      </div>
    </div>
  );
}
