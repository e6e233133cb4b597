/** Messages about drafts the user must see: a conflict with another tab, and storage that does not work. */
import type { DraftSession } from '../document/drafts';
import { useDrafts } from '../document/use-drafts';
import { ExportZipButton } from '../features/export';
import { ShareNotice } from '../features/share';
import { UpdateNotice } from './update-notice';

export function DraftBanners({ session }: { session: DraftSession }) {
  const { conflict, storageError } = useDrafts(session);
  return (
    <>
      <UpdateNotice />
      <ShareNotice />
      {conflict && (
        <div className="banner banner-conflict" role="alert">
          <p>
            <strong>This draft changed in another tab.</strong> This tab stopped saving it so that nothing is overwritten.
            Reload takes the other tab’s version; Keep mine saves this tab’s as a new draft.
          </p>
          <div className="banner-actions">
            <button type="button" onClick={() => void session.reload()}>Reload</button>
            <button type="button" onClick={() => void session.keepMine()}>Keep mine</button>
          </div>
        </div>
      )}
      {storageError && (
        <div className="banner banner-warning" role="alert">
          <p><strong>This draft is not being saved.</strong> {storageError}</p>
          <div className="banner-actions">
            <ExportZipButton />
          </div>
        </div>
      )}
    </>
  );
}
