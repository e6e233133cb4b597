/** §E rules 1-4 and 24: package-level values, the locales and their agreements, PowerShell DSC. */
import type { Finding } from '../../findings';
import { atLeast } from '../../manifest-version';
import { isWellFormedBcp47 } from './bcp47';
import { approximateOrInvalid } from './version-text';
import { asRaw, clientMessage, finding, list, text, type Raw, type Rule, type RuleContext, type RuleFile } from './rule-context';
import { reportAt } from './effective-installers';
import { checkedInstallers } from './installer-rules';

export const channelRule: Rule = {
  id: 'channel-not-supported',
  severity: 'error',
  fullOnly: false,
  run(ctx) {
    const channel = text(asRaw(ctx.set.installer)?.['Channel']);
    if (channel === '') return [];
    return [finding(ctx, 'channel-not-supported', 'error', clientMessage('Field is not supported.', 'Channel', channel, 'Remove Channel; winget does not use it.'), 'installer', ['Channel'])];
  },
};

export const packageVersionRule: Rule = {
  id: 'package-version-invalid',
  severity: 'error',
  fullOnly: false,
  run(ctx) {
    const version = text(asRaw(ctx.set.version)?.['PackageVersion']);
    const problem = approximateOrInvalid(version);
    if (version === '' || !problem) return [];
    const base = problem === 'approximate' ? 'Approximate version not allowed.' : 'Invalid field value.';
    const hint = problem === 'approximate' ? 'Write the exact version without "<" or ">".' : undefined;
    return [finding(ctx, 'package-version-invalid', 'error', clientMessage(base, 'PackageVersion', version, hint), 'version', ['PackageVersion'])];
  },
};

/** The default locale and every extra locale, with the file each one is written in. */
function localizations(ctx: RuleContext): { file: RuleFile; value: Raw }[] {
  return [
    { file: 'defaultLocale' as RuleFile, value: asRaw(ctx.set.defaultLocale) ?? {} },
    ...ctx.set.locales.map((l, i) => ({ file: { locale: i } as RuleFile, value: asRaw(l) ?? {} })),
  ];
}

export const packageLocaleRule: Rule = {
  id: 'locale-bcp47',
  severity: 'error',
  fullOnly: false,
  run(ctx) {
    // Without Full the client only warns about locales.
    const severity = ctx.full ? 'error' : 'warning';
    return localizations(ctx).flatMap(({ file, value }) => {
      const locale = text(value['PackageLocale']);
      if (locale === '' || isWellFormedBcp47(locale)) return [];
      const message = clientMessage('The locale value is not a well formed bcp47 language tag.', 'PackageLocale', locale, 'Use a tag such as en-US.');
      return [finding(ctx, 'locale-bcp47', severity, message, file, ['PackageLocale'])];
    });
  },
};

export const agreementsRule: Rule = {
  id: 'agreement-empty',
  severity: 'error',
  fullOnly: false,
  run(ctx) {
    if (!atLeast(ctx.manifestVersion, '1.1.0')) return [];
    const severity = ctx.full ? 'error' : 'warning';
    return localizations(ctx).flatMap(({ file, value }) =>
      list(value['Agreements']).flatMap((entry, j): Finding[] => {
        const a = asRaw(entry) ?? {};
        if (text(a['AgreementLabel']) !== '' || text(a['Agreement']) !== '' || text(a['AgreementUrl']) !== '') return [];
        const hint = 'Give each agreement an AgreementLabel, Agreement or AgreementUrl.';
        return [finding(ctx, 'agreement-empty', severity, clientMessage('Invalid field value.', 'Agreements', undefined, hint), file, ['Agreements', j])];
      }),
    );
  },
};

export const dscPowerShellRule: Rule = {
  id: 'dsc-powershell-not-allowed',
  severity: 'error',
  fullOnly: true,
  run(ctx) {
    if (!ctx.full) return [];
    return checkedInstallers(ctx).flatMap((inst) => {
      const dsc = asRaw(inst.values['DesiredStateConfiguration']);
      if (!dsc || list(dsc['PowerShell']).length === 0) return [];
      const hint = 'The community repository accepts only DSCv3 resources.';
      return [reportAt(ctx, inst, 'dsc-powershell-not-allowed', 'error', clientMessage('Field is not supported.', 'DesiredStateConfiguration.PowerShell', undefined, hint), 'DesiredStateConfiguration', 'PowerShell')];
    });
  },
};

export const manifestRules: readonly Rule[] = [channelRule, packageVersionRule, packageLocaleRule, agreementsRule];
