/** §E rules 3 (InstallerLocale), 14 and 18-23: per-installer field values and cross-installer URL/hash consistency. */
import type { RuleId } from '../catalog';
import type { Finding } from '../../findings';
import { isWellFormedBcp47 } from './bcp47';
import { isWellFormedUrl } from './url';
import { approximateOrInvalid } from './version-text';
import { asRaw, clientMessage, list, text, type Rule } from './rule-context';
import { reportAt, type EffectiveInstaller } from './effective-installers';
import { checkedInstallers } from './installer-rules';

export const installerLocaleRule: Rule = {
  id: 'locale-bcp47',
  severity: 'error',
  fullOnly: false,
  run: (ctx) =>
    checkedInstallers(ctx).flatMap((inst) => {
      const locale = text(inst.values['InstallerLocale']);
      if (locale === '' || isWellFormedBcp47(locale)) return [];
      const message = clientMessage('The locale value is not a well formed bcp47 language tag.', 'InstallerLocale', locale, 'Use a tag such as en-US.');
      return [reportAt(ctx, inst, 'locale-bcp47', 'error', message, 'InstallerLocale')];
    }),
};

export const urlHashConsistencyRule: Rule = {
  id: 'url-hash-mismatch',
  severity: 'mixed',
  fullOnly: true,
  run(ctx) {
    if (!ctx.full) return [];
    const out: Finding[] = [];
    const hashByUrl = new Map<string, string>();
    const urlByHash = new Map<string, string>();
    const reportedUrls = new Set<string>();
    const reportedHashes = new Set<string>();
    for (const inst of checkedInstallers(ctx)) {
      const url = text(inst.values['InstallerUrl']);
      const hash = text(inst.values['InstallerSha256']).toUpperCase();
      if (url === '' || hash === '') continue;
      const knownHash = hashByUrl.get(url);
      if (knownHash === undefined) hashByUrl.set(url, hash);
      else if (knownHash !== hash && !reportedUrls.has(url)) {
        reportedUrls.add(url);
        const message = clientMessage('The values of InstallerSha256 do not match for all instances of the same InstallerUrl.', 'InstallerUrl', url);
        out.push(reportAt(ctx, inst, 'url-hash-mismatch', 'error', message, 'InstallerSha256'));
      }
      const knownUrl = urlByHash.get(hash);
      if (knownUrl === undefined) urlByHash.set(hash, url);
      else if (knownUrl !== url && !reportedHashes.has(hash)) {
        reportedHashes.add(hash);
        const message = clientMessage('Multiple Installer URLs found with the same InstallerSha256. Please ensure the accuracy of the URLs.', 'InstallerSha256', hash);
        out.push(reportAt(ctx, inst, 'url-hash-mismatch', 'warning', message, 'InstallerUrl'));
      }
    }
    return out;
  },
};

function each(id: RuleId, severity: Rule['severity'], check: (inst: EffectiveInstaller) => ((ctx: Parameters<Rule['run']>[0]) => Finding[])): Rule {
  return { id, severity, fullOnly: false, run: (ctx) => checkedInstallers(ctx).flatMap((inst) => check(inst)(ctx)) };
}

export const installerUrlRule = each('installer-url-invalid', 'error', (inst) => (ctx) => {
  const url = text(inst.values['InstallerUrl']);
  if (url === '' || isWellFormedUrl(url)) return [];
  return [reportAt(ctx, inst, 'installer-url-invalid', 'error', clientMessage('Invalid field value.', 'InstallerUrl', url, 'Expected a full URL such as https://…'), 'InstallerUrl')];
});

export const marketsRule = each('markets-both-lists', 'error', (inst) => (ctx) => {
  const markets = asRaw(inst.values['Markets']);
  if (!markets || list(markets['AllowedMarkets']).length === 0 || list(markets['ExcludedMarkets']).length === 0) return [];
  return [reportAt(ctx, inst, 'markets-both-lists', 'error', 'Both AllowedMarkets and ExcludedMarkets defined. Keep only one of the two lists.', 'Markets')];
});

/** C-style integer text (decimal, 0x hex, leading-0 octal) or a number, truncated to 32 bits as a DWORD. */
export function toDword(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? Number(BigInt.asUintN(32, BigInt(value))) : undefined;
  const t = text(value).trim();
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(t);
  if (!m) return undefined;
  const digits = m[2]!;
  const magnitude = /^0[xX]/.test(digits) ? BigInt(digits) : digits.length > 1 && digits.startsWith('0') ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  return Number(BigInt.asUintN(32, m[1] === '-' ? -magnitude : magnitude));
}

export const returnCodesRule = each('return-code-duplicate', 'error', (inst) => (ctx) => {
  const codes = new Set<number>();
  for (const c of list(inst.values['InstallerSuccessCodes'])) {
    const n = toDword(c);
    if (n !== undefined) codes.add(n);
  }
  const expected = list(inst.values['ExpectedReturnCodes']);
  for (let j = 0; j < expected.length; j++) {
    const n = toDword(asRaw(expected[j])?.['InstallerReturnCode']);
    if (n === undefined) continue;
    if (codes.has(n)) {
      const hint = `Return code ${n} is listed more than once (InstallerSuccessCodes and ExpectedReturnCodes).`;
      return [reportAt(ctx, inst, 'return-code-duplicate', 'error', clientMessage('Duplicate installer return code found.', undefined, undefined, hint), 'ExpectedReturnCodes', j, 'InstallerReturnCode')];
    }
    codes.add(n);
  }
  return [];
});

export const displayVersionRule = each('display-version-invalid', 'error', (inst) => (ctx) => {
  const entries = list(inst.values['AppsAndFeaturesEntries']);
  return entries.flatMap((entry, j) => {
    const version = text(asRaw(entry)?.['DisplayVersion']);
    const problem = version === '' ? undefined : approximateOrInvalid(version);
    if (!problem) return [];
    const base = problem === 'approximate' ? 'Approximate version not allowed.' : 'Invalid field value.';
    return [reportAt(ctx, inst, 'display-version-invalid', 'error', clientMessage(base, 'DisplayVersion', version), 'AppsAndFeaturesEntries', j, 'DisplayVersion')];
  });
});

const ENTRA_TYPES = new Set(['microsoftentraid', 'microsoftentraidforazureblobstorage']);
// The client fills in Azure Storage's resource (https://storage.azure.com/) for blob storage when none is given.
const NEEDS_RESOURCE = new Set(['microsoftentraid']);

export const authenticationRule = each('authentication-not-allowed', 'error', (inst) => (ctx) => {
  const auth = asRaw(inst.values['Authentication']);
  const type = text(auth?.['AuthenticationType']).toLowerCase();
  if (!auth || type === 'none' || type === '') return [];
  const out: Finding[] = [];
  if (ctx.full) {
    const hint = 'The community repository only accepts installers that download without authentication.';
    out.push(reportAt(ctx, inst, 'authentication-not-allowed', 'error', clientMessage('Field is not supported.', 'Authentication', undefined, hint), 'Authentication'));
  }
  const resource = text(asRaw(auth['MicrosoftEntraIdAuthenticationInfo'])?.['Resource']);
  const why = !ENTRA_TYPES.has(type)
    ? `AuthenticationType ${text(auth['AuthenticationType'])} is not one winget knows (none, microsoftEntraId, microsoftEntraIdForAzureBlobStorage).`
    : NEEDS_RESOURCE.has(type) && resource === '' ? 'Microsoft Entra ID authentication needs a Resource.' : undefined;
  if (why) out.push(reportAt(ctx, inst, 'authentication-not-allowed', 'error', clientMessage('Invalid field value.', 'Authentication', undefined, why), 'Authentication'));
  return out;
});

export const windowsFeaturesRule = each('windows-feature-invalid', 'error', (inst) => (ctx) => {
  const features = list(asRaw(inst.values['Dependencies'])?.['WindowsFeatures']);
  return features.flatMap((feature, j) => {
    const name = text(feature);
    if (/^[A-Za-z0-9_-]+$/.test(name)) return [];
    const message = clientMessage('The provided value is not a valid Windows feature name.', name, undefined, 'Only letters, digits, - and _ are allowed.');
    return [reportAt(ctx, inst, 'windows-feature-invalid', 'error', message, 'Dependencies', 'WindowsFeatures', j)];
  });
});

export const installerFieldRules: readonly Rule[] = [
  installerLocaleRule, urlHashConsistencyRule, installerUrlRule, marketsRule, returnCodesRule, displayVersionRule,
  authenticationRule, windowsFeaturesRule,
];
