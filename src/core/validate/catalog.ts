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
  { id: 'yaml-aliases', origin: 'winget', severity: 'error' },
  { id: 'yaml-complex-key', origin: 'winget', severity: 'error' },
  { id: 'yaml-control-character', origin: 'winget', severity: 'error' },
  { id: 'yaml-duplicate-key', origin: 'winget', severity: 'error' },
  { id: 'yaml-nesting', origin: 'winget', severity: 'error' },
  { id: 'yaml-root', origin: 'winget', severity: 'error' },
  { id: 'yaml-syntax', origin: 'winget', severity: 'error' },

  // Field population (§D).
  { id: 'field-case', origin: 'winget', severity: 'error' },
  { id: 'field-conversion', origin: 'winget', severity: 'error' },
  { id: 'field-duplicate', origin: 'winget', severity: 'error' },
  { id: 'field-not-a-mapping', origin: 'winget', severity: 'error' },
  { id: 'field-unknown', origin: 'winget', severity: 'warning' },
  { id: 'field-verified-publisher', origin: 'winget', severity: 'warning' },

  // Structure and multi-file consistency (§B).
  { id: 'structure-consistency', origin: 'winget', severity: 'error' },
  { id: 'structure-default-locale', origin: 'winget', severity: 'error' },
  { id: 'structure-duplicate-locale', origin: 'winget', severity: 'error' },
  { id: 'structure-incomplete', origin: 'winget', severity: 'error' },
  { id: 'structure-manifest-type', origin: 'winget', severity: 'error' },
  { id: 'structure-manifest-version', origin: 'winget', severity: 'error' },
  { id: 'structure-preview-multi-file', origin: 'winget', severity: 'error' },
  { id: 'structure-required', origin: 'winget', severity: 'error' },

  // JSON schema (§C).
  { id: 'schema', origin: 'winget', severity: 'error' },

  // Semantic rules (§E, the client's ValidateManifest pass; run under full validation, where they have this severity).
  { id: 'agreement-empty', origin: 'winget', severity: 'error' },
  { id: 'apps-and-features-type', origin: 'winget', severity: 'error' },
  { id: 'architecture-invalid', origin: 'winget', severity: 'error' },
  { id: 'archive-nested-installer', origin: 'winget', severity: 'error' },
  { id: 'authentication-not-allowed', origin: 'winget', severity: 'error' },
  { id: 'locale-bcp47', origin: 'winget', severity: 'error' },
  { id: 'channel-not-supported', origin: 'winget', severity: 'error' },
  { id: 'display-version-invalid', origin: 'winget', severity: 'error' },
  { id: 'download-fields-required', origin: 'winget', severity: 'error' },
  { id: 'dsc-powershell-not-allowed', origin: 'winget', severity: 'error' },
  { id: 'installer-duplicate', origin: 'winget', severity: 'error' },
  { id: 'return-code-duplicate', origin: 'winget', severity: 'error' },
  { id: 'exe-silent-switches-missing', origin: 'winget', severity: 'warning' },
  { id: 'installer-type-required', origin: 'winget', severity: 'error' },
  { id: 'installer-url-invalid', origin: 'winget', severity: 'error' },
  { id: 'markets-both-lists', origin: 'winget', severity: 'error' },
  { id: 'msi-switches-invalid', origin: 'winget', severity: 'error' },
  { id: 'msstore-not-allowed', origin: 'winget', severity: 'error' },
  { id: 'switch-network-address', origin: 'winget', severity: 'error or warning' },
  { id: 'package-family-name-type', origin: 'winget', severity: 'warning' },
  { id: 'package-version-invalid', origin: 'winget', severity: 'error' },
  { id: 'portable-installer', origin: 'winget', severity: 'error or warning' },
  { id: 'product-code-type', origin: 'winget', severity: 'error' },
  { id: 'upgrade-behavior-invalid', origin: 'winget', severity: 'error' },
  { id: 'url-hash-mismatch', origin: 'winget', severity: 'error or warning' },
  { id: 'windows-feature-invalid', origin: 'winget', severity: 'error' },

  // Wingsmith's own import and editing failures (see the note above).
  { id: 'document-field-not-in-version', origin: 'winget', severity: 'warning' },
  { id: 'document-import', origin: 'winget', severity: 'error' },
  { id: 'document-import-rewritten', origin: 'winget', severity: 'warning' },
  { id: 'document-manifest-type', origin: 'winget', severity: 'error' },
  { id: 'document-too-large', origin: 'winget', severity: 'error' },
  { id: 'document-unreadable', origin: 'winget', severity: 'error' },
  { id: 'document-validation', origin: 'winget', severity: 'error' },

  // The winget-pkgs pipeline and its policies.
  { id: 'community-font-package-mixed-installers', origin: 'community', severity: 'error' },
  { id: 'community-blocked-package', origin: 'community', severity: 'warning', label: 'Blocking-Issue' },
  { id: 'community-flagged-package', origin: 'community', severity: 'warning', label: 'Package-Flagged' },
  { id: 'community-https-url', origin: 'community', severity: 'warning', label: 'Validation-HTTP-Error' },
  { id: 'community-indirect-url', origin: 'community', severity: 'warning', label: 'Validation-Indirect-URL' },
  { id: 'community-installer-domain', origin: 'community', severity: 'warning', label: 'Validation-Domain', hint: true },
  { id: 'community-old-manifest-version', origin: 'community', severity: 'warning', label: 'Manifest-Version-Deprecated' },
  { id: 'community-one-version', origin: 'community', severity: 'warning' },
  { id: 'community-path-case', origin: 'community', severity: 'warning', label: 'Manifest-Path-Error' },
  { id: 'community-singleton', origin: 'community', severity: 'warning', label: 'Manifest-Singleton-Deprecated' },
  { id: 'header-invalid', origin: 'community', severity: 'error or warning', label: 'Manifest-Validation-Error' },
  { id: 'header-missing', origin: 'community', severity: 'error or warning', label: 'Manifest-Validation-Error' },
  { id: 'header-type', origin: 'community', severity: 'error or warning', label: 'Manifest-Validation-Error' },
  { id: 'header-url', origin: 'community', severity: 'error or warning', label: 'Manifest-Validation-Error' },
  { id: 'header-version', origin: 'community', severity: 'error or warning', label: 'Manifest-Validation-Error' },
  { id: 'installers-hash-mismatch', origin: 'community', severity: 'warning' },
  { id: 'github-next-version', origin: 'community', severity: 'warning' },
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
