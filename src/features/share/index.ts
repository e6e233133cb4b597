export { ShareLinkButton, ShareNotice } from './share-link-button';
export { openSharedDraft } from './open-shared';
