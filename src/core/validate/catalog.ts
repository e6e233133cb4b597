/**
 * Every rule id a finding can carry, where the check comes from and how severe it is: the one list that
 * `originOfRule`, docs/rules.md (`npm run rules-doc`) and the tests read. `catalog.test.ts` fails when the sources
 * emit an id that is missing here, or when an id here is no longer emitted anywhere.
 *
 * `document-*` ids are Wingsmith's own import and editing failures (the files could not be taken into the
 * editor, validation itself failed). They are listed because they reach Problems like any other finding, and they
 * count as `winget`: they are not winget-pkgs policy, and like the client's own errors they mean the manifest as
 * written cannot be used.
 */

/** `winget`: the client's own check (`winget validate`); `community`: what the winget-pkgs pipeline and its policies add. */
export type Origin = 'winget' | 'community';

/** The severity findings of a rule carry; `error or warning` when it depends on the case or on options. */
export type CatalogSeverity = 'error' | 'warning' | 'error or warning';

export interface RuleInfo {
  /** Stable rule id, as in `Finding.rule`; never renamed once shipped. */
  id: string;
  origin: Origin;
  severity: CatalogSeverity;
  /** One line: what the rule checks and why it matters. */
  why: string;
  /** The label winget-pkgs' bots set on a pull request with this problem, where one is known. */
  label?: string;
  /**
   * A hint, not a rejection: something a reviewer may ask about. The finding model has no severity below
   * `warning`, so the rule reports warnings, and `--community` leaves them warnings.
   */
  hint?: boolean;
}

const ENTRIES = [
  // YAML reading (§A of the client rules).
  { id: 'yaml-aliases', origin: 'winget', severity: 'error', why: 'The document expands into too many nodes through aliases that refer to aliases; the client stops reading, so the rest of the manifest is lost.' },
  { id: 'yaml-complex-key', origin: 'winget', severity: 'error', why: 'A mapping key is a sequence, mapping or alias; the client accepts only plain scalar keys and refuses the file.' },
  { id: 'yaml-control-character', origin: 'winget', severity: 'error', why: 'A value or tag holds a C0 control character (other than tab, line feed, carriage return) or DEL, escaped or raw; the client refuses the file when loading it.' },
  { id: 'yaml-duplicate-key', origin: 'winget', severity: 'error', why: 'A key the client looks up by exact name (PackageIdentifier, PackageVersion, ManifestVersion, ManifestType, DefaultLocale, PackageLocale) appears twice; the client throws instead of picking one.' },
  { id: 'yaml-nesting', origin: 'winget', severity: 'error', why: 'Sequences and mappings nest deeper than the client allows (100 levels); it refuses the file rather than read it.' },
  { id: 'yaml-root', origin: 'winget', severity: 'error', why: 'The file is empty, holds only comments, or its root is not a mapping of fields; there is no manifest to read.' },
  { id: 'yaml-syntax', origin: 'winget', severity: 'error', why: 'The text is not valid YAML; nothing after the error can be trusted, so the client refuses the file.' },

  // Field population (§D).
  { id: 'field-case', origin: 'winget', severity: 'error', why: 'A field name differs from the schema only in letter case; the client matches it but rejects it, since field names are PascalCase.' },
  { id: 'field-conversion', origin: 'winget', severity: 'error', why: 'A value cannot be converted to what the field needs (a list, true/false, an integer); the client fails the field instead of guessing.' },
  { id: 'field-duplicate', origin: 'winget', severity: 'error', why: 'Two keys of one mapping name the same field (possibly in different case); only the first would be used, so the client rejects the manifest.' },
  { id: 'field-not-a-mapping', origin: 'winget', severity: 'error', why: 'A field that must hold a mapping with at least one field (an installer, InstallerSwitches, Dependencies, a list item) holds something else or nothing.' },
  { id: 'field-unknown', origin: 'winget', severity: 'warning', why: 'A key matches no field of this ManifestVersion at this place (a typo, or a field from a newer version); winget ignores its value.' },
  { id: 'field-verified-publisher', origin: 'winget', severity: 'warning', why: 'The field (Icons, Agreement, DownloadCommandProhibited, Authentication) is accepted only from verified publishers; the community pipeline treats it as an error.' },

  // Structure and multi-file consistency (§B).
  { id: 'structure-consistency', origin: 'winget', severity: 'error', why: 'A file of a multi-file set has another PackageIdentifier, PackageVersion or ManifestVersion than the first file; the files must describe one package version.' },
  { id: 'structure-default-locale', origin: 'winget', severity: 'error', why: 'The version file\'s DefaultLocale differs from the defaultLocale file\'s PackageLocale, so the client cannot tell which locale is the default.' },
  { id: 'structure-duplicate-locale', origin: 'winget', severity: 'error', why: 'Two locale files (defaultLocale included) have the same PackageLocale; each locale may be described once.' },
  { id: 'structure-incomplete', origin: 'winget', severity: 'error', why: 'A multi-file manifest lacks its version, installer or defaultLocale file, or a lone file is not a singleton; the package version cannot be assembled.' },
  { id: 'structure-manifest-type', origin: 'winget', severity: 'error', why: 'ManifestType is missing, unknown, repeated, or not allowed here (a singleton or merged file in a set, a shadow file, a merged file alone).' },
  { id: 'structure-manifest-version', origin: 'winget', severity: 'error', why: 'ManifestVersion is malformed or has a major version above 1; the client cannot pick a schema and stops.' },
  { id: 'structure-preview-multi-file', origin: 'winget', severity: 'error', why: 'A preview-format manifest (ManifestVersion below 1.0.0) is given as several files; that format has only single files.' },
  { id: 'structure-required', origin: 'winget', severity: 'error', why: 'A file lacks a key the client needs before anything else: PackageIdentifier, PackageVersion, ManifestVersion, and DefaultLocale or PackageLocale by file type.' },

  // JSON schema (§C).
  { id: 'schema', origin: 'winget', severity: 'error', why: 'The file breaks the official JSON schema of its type and ManifestVersion (a missing required field, a value outside its pattern, enum or length).' },

  // Semantic rules (§E, the client's ValidateManifest pass; run under full validation, where they have this severity).
  { id: 'agreement-empty', origin: 'winget', severity: 'error', why: 'An Agreements entry has none of AgreementLabel, Agreement or AgreementUrl, so there is nothing to show the user to agree to.' },
  { id: 'apps-and-features-type', origin: 'winget', severity: 'error', why: 'AppsAndFeaturesEntries is set on an installer type that writes no Apps and Features entry, so winget could never match it.' },
  { id: 'architecture-invalid', origin: 'winget', severity: 'error', why: 'An installer\'s Architecture is missing or not one of x86, x64, arm, arm64, neutral; winget cannot tell which machines it is for.' },
  { id: 'archive-nested-installer', origin: 'winget', severity: 'error', why: 'A zip installer lacks NestedInstallerType or NestedInstallerFiles, lists several files for a type that takes one, or a nested path or alias escapes the archive, repeats, or has a type that is not allowed.' },
  { id: 'authentication-not-allowed', origin: 'winget', severity: 'error', why: 'Authentication is set (the community repository accepts only installers that download without it), or an Entra ID type lacks its Resource.' },
  { id: 'locale-bcp47', origin: 'winget', severity: 'error', why: 'A PackageLocale or InstallerLocale is not a well-formed BCP 47 tag such as en-US, so winget cannot match it to the user\'s languages.' },
  { id: 'channel-not-supported', origin: 'winget', severity: 'error', why: 'Channel is set; winget does not support the field, and the package would not be found as intended.' },
  { id: 'display-version-invalid', origin: 'winget', severity: 'error', why: 'An AppsAndFeaturesEntries DisplayVersion is approximate (`<` or `>`) or unparsable, so installed versions cannot be compared with it.' },
  { id: 'download-fields-required', origin: 'winget', severity: 'error', why: 'A non-Store installer lacks InstallerUrl or InstallerSha256, or carries MSStoreProductIdentifier; winget cannot download and verify it.' },
  { id: 'dsc-powershell-not-allowed', origin: 'winget', severity: 'error', why: 'DesiredStateConfiguration.PowerShell is set; PowerShell DSC containers are not allowed (DSC v3 is).' },
  { id: 'installer-duplicate', origin: 'winget', severity: 'error', why: 'Two installers have the same type, architecture, locale and scope, so winget could not choose between them.' },
  { id: 'return-code-duplicate', origin: 'winget', severity: 'error', why: 'A return code appears in both InstallerSuccessCodes and ExpectedReturnCodes (or twice in ExpectedReturnCodes), which gives it two meanings.' },
  { id: 'exe-silent-switches-missing', origin: 'winget', severity: 'warning', why: 'An exe installer lacks a Silent or SilentWithProgress switch, so an unattended install may open its wizard and wait.' },
  { id: 'installer-type-required', origin: 'winget', severity: 'error', why: 'The effective installer type (the nested one for a zip) is missing or unknown, so winget does not know how to run the installer.' },
  { id: 'installer-url-invalid', origin: 'winget', severity: 'error', why: 'InstallerUrl is not a well-formed URL, so the installer cannot be downloaded.' },
  { id: 'markets-both-lists', origin: 'winget', severity: 'error', why: 'Markets has both AllowedMarkets and ExcludedMarkets; only one of the two lists may be given.' },
  { id: 'msi-switches-invalid', origin: 'winget', severity: 'error', why: 'A switch of an msi or wix installer is not valid msiexec syntax, or sets a blocked property (TRANSFORMS, PATCH, MSINEWINSTANCE, ADMINPROPERTIES).' },
  { id: 'msstore-not-allowed', origin: 'winget', severity: 'error', why: 'An msstore installer is given (the community repository does not take Store installers) or lacks its MSStoreProductIdentifier.' },
  { id: 'switch-network-address', origin: 'winget', severity: 'error or warning', why: 'A switch names a network location: a UNC path is an error, an http, https or ftp URL a warning, since installs must not fetch from arbitrary places.' },
  { id: 'package-family-name-type', origin: 'winget', severity: 'warning', why: 'PackageFamilyName is set on an installer type that has none (only msix and msstore do); winget ignores it.' },
  { id: 'package-version-invalid', origin: 'winget', severity: 'error', why: 'PackageVersion is approximate (`<` or `>`) or unparsable; a published version must be exact to be compared and upgraded.' },
  { id: 'portable-installer', origin: 'winget', severity: 'error or warning', why: 'A portable installer has several Commands, a command alias that escapes its folder, several Apps and Features entries (errors), or a Scope, which portables ignore (warning).' },
  { id: 'product-code-type', origin: 'winget', severity: 'error', why: 'ProductCode is set on an installer type that has no product code (msix, msstore, font, …), so it could never match an installed program.' },
  { id: 'upgrade-behavior-invalid', origin: 'winget', severity: 'error', why: 'UpgradeBehavior is not one of install, uninstallPrevious, deny.' },
  { id: 'url-hash-mismatch', origin: 'winget', severity: 'error or warning', why: 'One InstallerUrl with different InstallerSha256 values cannot all be right (error); one hash under different URLs is likely a copy-paste slip (warning).' },
  { id: 'windows-feature-invalid', origin: 'winget', severity: 'error', why: 'A Dependencies.WindowsFeatures entry is empty or holds characters other than letters, digits, - and _, so it names no Windows feature.' },

  // Wingsmith's own import and editing failures (see the note above).
  { id: 'document-field-not-in-version', origin: 'winget', severity: 'warning', why: 'Wingsmith\'s own: moving the draft to a ManifestVersion it writes removed a field that version lacks; check that nothing needed was lost.' },
  { id: 'document-import', origin: 'winget', severity: 'error', why: 'Wingsmith\'s own: the dropped or opened files could not be imported as one manifest; the current draft is left as it was.' },
  { id: 'document-import-rewritten', origin: 'winget', severity: 'warning', why: 'Wingsmith\'s own: an imported file was rewritten in canonical style, which dropped what this points at in the original (the later copy of a repeated key, an unknown field, a value of the wrong type, nodes past the alias limit).' },
  { id: 'document-manifest-type', origin: 'winget', severity: 'error', why: 'Wingsmith\'s own: the text of a file in the YAML view names another ManifestType than the file it edits; the form keeps its last values.' },
  { id: 'document-too-large', origin: 'winget', severity: 'error', why: 'Wingsmith\'s own: the file is larger than 16 MiB, far beyond any manifest, so it is not read at all; this bounds what one file can cost.' },
  { id: 'document-unreadable', origin: 'winget', severity: 'error', why: 'Wingsmith\'s own: the YAML view holds a file of a ManifestVersion Wingsmith cannot read into the form; the form keeps its last values.' },
  { id: 'document-validation', origin: 'winget', severity: 'error', why: 'Wingsmith\'s own: validating the draft failed unexpectedly, so its findings are unknown; the message says why.' },

  // The winget-pkgs pipeline and its policies.
  { id: 'community-font-package-mixed-installers', origin: 'community', severity: 'error', why: 'A font package also holds installers that are not fonts; winget-pkgs keeps fonts under fonts/ and everything else under manifests/, so the set has no folder it could go in.' },
  { id: 'community-blocked-package', origin: 'community', severity: 'warning', why: 'PackageIdentifier or PackageVersion holds a keyword of winget-pkgs\' block list (blacklistedPackages.yml), which keeps a pull request for the package from being approved.', label: 'Blocking-Issue' },
  { id: 'community-flagged-package', origin: 'community', severity: 'warning', why: 'PackageIdentifier or PackageVersion holds a keyword winget-pkgs\' policy flags (flaggedPackages.yml): a package removed from the repository for its licence, bundled PUA, malware or at the publisher\'s request.', label: 'Package-Flagged' },
  { id: 'community-https-url', origin: 'community', severity: 'warning', why: 'An InstallerUrl does not use https://; winget-pkgs accepts only downloads that cannot be altered in transit.', label: 'Validation-HTTP-Error' },
  { id: 'community-indirect-url', origin: 'community', severity: 'warning', why: 'An InstallerUrl goes through a public URL shortener; the address hides where the file comes from and its target can change without the manifest changing.', label: 'Validation-Indirect-URL' },
  { id: 'community-installer-domain', origin: 'community', severity: 'warning', why: 'A hint, reported as a warning that --community does not fail on: an InstallerUrl is on a domain (or forge owner) unrelated to PackageUrl and PublisherUrl, so reviewers may ask for the publisher\'s word that the download is genuine.', label: 'Validation-Domain', hint: true },
  { id: 'community-old-manifest-version', origin: 'community', severity: 'warning', why: 'ManifestVersion is older than winget-pkgs accepts for new submissions (or is the preview format); Wingsmith writes a newer one.', label: 'Manifest-Version-Deprecated' },
  { id: 'community-one-version', origin: 'community', severity: 'warning', why: 'The submission changes more than one package version; a winget-pkgs pull request may change only one.' },
  { id: 'community-path-case', origin: 'community', severity: 'warning', why: 'A file is not in the folder or under the name winget-pkgs derives from PackageIdentifier, PackageVersion and PackageLocale (letter case included, fonts/ for font packages).', label: 'Manifest-Path-Error' },
  { id: 'community-singleton', origin: 'community', severity: 'warning', why: 'The manifest is a singleton file; winget-pkgs accepts only multi-file sets (version, installer, locale files).', label: 'Manifest-Singleton-Deprecated' },
  { id: 'header-invalid', origin: 'community', severity: 'error or warning', why: 'The yaml-language-server comment does not parse as `yaml-language-server: $schema=…`, so editors and the pipeline cannot find the schema.', label: 'Manifest-Validation-Error' },
  { id: 'header-missing', origin: 'community', severity: 'error or warning', why: 'A file of ManifestVersion 1.7 or newer lacks the `# yaml-language-server: $schema=…` line naming its schema, which the pipeline requires.', label: 'Manifest-Validation-Error' },
  { id: 'header-type', origin: 'community', severity: 'error or warning', why: 'The schema named in the header is for another ManifestType than the file\'s, so editors check the file against the wrong schema.', label: 'Manifest-Validation-Error' },
  { id: 'header-url', origin: 'community', severity: 'error or warning', why: 'The header\'s schema URL is not the bundled schema\'s address (`https://aka.ms/winget-manifest.<type>.<version>.schema.json`).', label: 'Manifest-Validation-Error' },
  { id: 'header-version', origin: 'community', severity: 'error or warning', why: 'The schema named in the header is for another ManifestVersion than the file\'s, so editors check the file against the wrong schema.', label: 'Manifest-Validation-Error' },
  { id: 'installers-hash-mismatch', origin: 'community', severity: 'warning', why: 'An installer file hashed in this browser has another SHA-256 than the installer\'s InstallerSha256; the pipeline downloads the URL and would find the mismatch.' },
  { id: 'github-next-version', origin: 'community', severity: 'warning', why: 'After loading a published package for its next version, points at PackageVersion, the one value only the author knows; not a problem, a place to start typing.' },
] as const satisfies readonly RuleInfo[];

/** Every id the catalog lists: what the core's rule helpers accept, so an unlisted id does not compile. */
export type RuleId = (typeof ENTRIES)[number]['id'];

/** Every rule, sorted by id. */
export const RULE_CATALOG: readonly RuleInfo[] = Object.freeze([...(ENTRIES as readonly RuleInfo[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));

const BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULE_CATALOG.map((rule) => [rule.id, rule]));

/** The catalog entry of a rule id, or undefined for an id it does not list (e.g. a feature's session finding). */
export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}
