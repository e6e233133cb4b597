/**
 * What the labels winget-pkgs' bots and moderators set on a pull request ask of its author, in a line each (from
 * the repository's documentation of its validation pipeline and policies, in our own words).
 */
const EXPLANATIONS: Readonly<Record<string, string>> = {
  'Needs-Author-Feedback': 'A moderator asked you something: answer on the pull request. Without an answer in 7 days it is labelled No-Recent-Activity and closed 3 days later.',
  'No-Recent-Activity': 'Nothing happened for a week: push a fix or comment now, or the pull request is closed in 3 days.',
  'Validation-Domain': 'An InstallerUrl is on a domain that is not the publisher’s or the package’s: use the publisher’s own download link, or explain in a comment why this host is official.',
  'Validation-HTTP-Error': 'An InstallerUrl uses http: or did not answer: switch to an https URL that downloads directly.',
  'Validation-Indirect-URL': 'An InstallerUrl goes through a redirector or URL shortener: use the final download URL.',
  'Validation-Hash-Verification-Failed': 'The downloaded installer does not match InstallerSha256: hash the file at the URL again (Wingsmith does on fetch) and update the hash.',
  'Error-Hash-Mismatch': 'The installer at the URL changed and no longer matches InstallerSha256: fetch it again and update the hash.',
  'Validation-Installation-Error': 'The installer failed in the pipeline’s sandbox: check the silent switches, scope and architecture.',
  'Validation-Unattended-Failed': 'The installer waited for input in the sandbox: give switches that install without any prompt.',
  'Validation-Executable-Error': 'The installer could not be run: check InstallerType and that the URL serves the installer itself.',
  'Validation-No-Executables': 'The installation added no program the pipeline could find: check the installer and NestedInstallerFiles.',
  'Validation-Defender-Error': 'Microsoft Defender flagged the installer: only the publisher can resolve this (report a false positive to Microsoft).',
  'Validation-Missing-Dependency': 'A PackageDependencies entry names a package the repository does not have: add it first or remove the dependency.',
  'Binary-Validation-Error': 'The installer failed the binary checks (signature, malware scan): use the publisher’s signed build.',
  'Manifest-Validation-Error': 'The manifest does not pass winget validate: fix the errors Problems lists, keeping the schema header comment.',
  'Manifest-Path-Error': 'The files are not in manifests/<letter>/<Publisher>/<Package>/<Version>/ with the identifier’s exact case (fonts/ for fonts).',
  'Manifest-Version-Deprecated': 'ManifestVersion is older than the repository accepts: choose a newer ManifestVersion and push again.',
  'Manifest-Singleton-Deprecated': 'Singleton manifests are not accepted: push version, installer and locale files instead (Wingsmith writes those).',
  'Manifest-AppsAndFeaturesVersion-Error': 'The AppsAndFeaturesEntries DisplayVersion overlaps another version of this package: give each version its own DisplayVersion range.',
  'Manifest-Installer-Validation-Error': 'An installer entry is inconsistent with the file (type, architecture, product code): analyse the installer again.',
  'Package-Flagged': 'The package is on the repository’s watch list: a moderator reviews it by hand; no change needed unless asked.',
  'Blocking-Issue': 'The package is blocked by a repository policy: it will not be merged as it is; read the linked issue.',
  'Highest-Version-Removal': 'This removes the newest version of the package: say why in the description (it is reviewed by hand).',
  'Validation-Merge-Conflict': 'The branch conflicts with the repository: another pull request changed the same version; reload and push again.',
  'Moderator-Approved': 'A moderator approved it; it merges once the checks pass.',
  'Azure-Pipeline-Passed': 'The validation pipeline passed.',
  'Internal-Error': 'The pipeline failed on its side: nothing to fix; a moderator retries it.',
};

export function explainLabel(label: string): string | undefined {
  return EXPLANATIONS[label];
}
