/**
 * GitHub answers 404 for an asset of a private repository when the request has no token, and a page cannot send
 * one there (storage refuses it, and the token stays on the API base): the file must come from the user.
 */
export function privateAssetMessage(fileName: string): string {
  return `GitHub does not let a web page download ${fileName}: its repository is private (or the asset was removed), and private release assets need a token that Wingsmith never sends to GitHub's file storage. Download ${fileName} from the release page yourself and drop it here.`;
}
