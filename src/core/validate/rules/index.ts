/** The client's semantic rules (§E), the schema-header check (§F) and the winget-pkgs community rules. */
import type { Finding } from '../../findings';
import { dedupeFindings, type Rule, type RuleContext } from './rule-context';
import { installerIdentityRules } from './installer-rules';
import { installerFieldRules } from './installer-field-rules';
import { switchRules } from './switch-rules';
import { archiveRules } from './archive-rules';
import { dscPowerShellRule, manifestRules } from './locale-rules';

export type { Place, Rule, RuleContext, RuleFile, RuleFileInfo } from './rule-context';
export { runHeaderRules, bundledSchemaId, expectedSchemaHeader, HEADER_MESSAGES } from './schema-header';
export { runCommunityRules, communityRules, expectedRepositoryLayout, MINIMUM_COMMUNITY_MANIFEST_VERSION } from './community-rules';
export type { CommunityInfo, CommunityRule } from './community-rules';
export { isWellFormedBcp47 } from './bcp47';
export { isWellFormedUrl, isHttpsUrl } from './url';
export { checkMsiSwitch, tokenizeMsiArguments } from './msi-switches';
export { effectiveInstallers } from './effective-installers';
export type { EffectiveInstaller, InstallerKind } from './effective-installers';

/** Every §E rule, in the order of the rules file. */
export const semanticRules: readonly Rule[] = [
  ...manifestRules,
  ...installerIdentityRules,
  ...installerFieldRules,
  ...switchRules,
  ...archiveRules,
  dscPowerShellRule,
];

/**
 * §E as the client's ValidateManifest runs it. With `ctx.full` false (the REST-source mode) the Full-only
 * rules are skipped and installers of unknown type are ignored.
 */
export function runSemanticRules(ctx: RuleContext): Finding[] {
  const rules = semanticRules.filter((rule) => ctx.full || !rule.fullOnly);
  return dedupeFindings(rules.flatMap((rule) => rule.run(ctx)));
}
