/** §E rules 5-13: installer identity, enum values, type-specific fields and the required download fields. */
import type { RuleId } from '../catalog';
import type { Finding } from '../../findings';
import { clientMessage, finding, text, type Rule, type RuleContext } from './rule-context';
import {
  effectiveInstallers, hasMsixAppsAndFeaturesEntry, reportAt, usesPackageFamilyName, usesProductCode, writesAppsAndFeatures, type EffectiveInstaller,
} from './effective-installers';

const cache = new WeakMap<RuleContext, EffectiveInstaller[]>();

/** The installers the rules look at; without Full, unknown types are skipped for forward compatibility. */
export function checkedInstallers(ctx: RuleContext): EffectiveInstaller[] {
  let all = cache.get(ctx);
  if (!all) {
    all = effectiveInstallers(ctx);
    cache.set(ctx, all);
  }
  return ctx.full ? all : all.filter((i) => i.effectiveType !== 'unknown');
}

const ARCHITECTURES = new Set(['x86', 'x64', 'arm', 'arm64', 'neutral']);
const SCOPES = new Set(['user', 'machine']);
const UPGRADE_BEHAVIORS = new Set(['install', 'uninstallprevious', 'deny']);

const lowerIn = (set: ReadonlySet<string>, value: unknown): string | undefined => {
  const t = text(value).toLowerCase();
  return set.has(t) ? t : undefined;
};

function perInstaller(id: RuleId, severity: Rule['severity'], fullOnly: boolean, check: (ctx: RuleContext, inst: EffectiveInstaller) => Finding[]): Rule {
  return { id, severity, fullOnly, run: (ctx) => checkedInstallers(ctx).flatMap((inst) => check(ctx, inst)) };
}

export const duplicateInstallerRule: Rule = {
  id: 'installer-duplicate',
  severity: 'error',
  fullOnly: false,
  run(ctx) {
    const seen: EffectiveInstaller[] = [];
    for (const inst of checkedInstallers(ctx)) {
      const clash = seen.find((other) => sameInstallerKey(inst, other));
      if (clash) {
        const hint = `Installer ${inst.index + 1} has the same type, architecture, locale and scope as installer ${clash.index + 1}.`;
        const message = clientMessage('Duplicate installer entry found.', undefined, undefined, hint);
        return [finding(ctx, 'installer-duplicate', 'error', message, 'installer', ['Installers', inst.index])];
      }
      seen.push(inst);
    }
    return [];
  },
};

function sameInstallerKey(a: EffectiveInstaller, b: EffectiveInstaller): boolean {
  if (a.baseType !== b.baseType) return false;
  if (a.baseType === 'zip' && a.nestedType !== b.nestedType) return false;
  if (lowerIn(ARCHITECTURES, a.values['Architecture']) !== lowerIn(ARCHITECTURES, b.values['Architecture'])) return false;
  if (text(a.values['InstallerLocale']) !== text(b.values['InstallerLocale'])) return false;
  // A missing (or unrecognised) scope matches every scope.
  const sa = lowerIn(SCOPES, a.values['Scope']);
  const sb = lowerIn(SCOPES, b.values['Scope']);
  return sa === undefined || sb === undefined || sa === sb;
}

export const architectureRule = perInstaller('architecture-invalid', 'error', false, (ctx, inst) =>
  lowerIn(ARCHITECTURES, inst.values['Architecture'])
    ? []
    : [reportAt(ctx, inst, 'architecture-invalid', 'error', clientMessage('Invalid field value.', 'Architecture', text(inst.values['Architecture'])), 'Architecture')],
);

export const installerTypeRule = perInstaller('installer-type-required', 'error', false, (ctx, inst) => {
  if (inst.effectiveType !== 'unknown') return [];
  const key = inst.baseType === 'zip' ? 'NestedInstallerType' : 'InstallerType';
  const hint = inst.baseType === 'zip' ? 'A zip installer needs a NestedInstallerType naming the installer inside the archive.' : undefined;
  return [reportAt(ctx, inst, 'installer-type-required', 'error', clientMessage('Invalid field value.', 'InstallerType', text(inst.values[key]), hint), key)];
});

export const upgradeBehaviorRule = perInstaller('upgrade-behavior-invalid', 'error', false, (ctx, inst) => {
  const value = inst.values['UpgradeBehavior'];
  if (value === undefined || lowerIn(UPGRADE_BEHAVIORS, value)) return [];
  return [reportAt(ctx, inst, 'upgrade-behavior-invalid', 'error', clientMessage('Invalid field value.', 'UpgradeBehavior', text(value)), 'UpgradeBehavior')];
});

export const packageFamilyNameRule = perInstaller('package-family-name-type', 'warning', false, (ctx, inst) => {
  if (text(inst.values['PackageFamilyName']) === '' || usesPackageFamilyName(inst.effectiveType) || hasMsixAppsAndFeaturesEntry(inst.values)) return [];
  const message = clientMessage('The specified installer type does not support PackageFamilyName.', 'InstallerType', inst.effectiveType);
  return [reportAt(ctx, inst, 'package-family-name-type', 'warning', message, 'PackageFamilyName')];
});

export const productCodeRule = perInstaller('product-code-type', 'error', false, (ctx, inst) => {
  if (text(inst.values['ProductCode']) === '' || usesProductCode(inst.effectiveType)) return [];
  const message = clientMessage('The specified installer type does not support ProductCode.', 'InstallerType', inst.effectiveType);
  return [reportAt(ctx, inst, 'product-code-type', 'error', message, 'ProductCode')];
});

export const appsAndFeaturesRule = perInstaller('apps-and-features-type', 'error', false, (ctx, inst) => {
  const entries = inst.values['AppsAndFeaturesEntries'];
  if (!Array.isArray(entries) || entries.length === 0 || writesAppsAndFeatures(inst.effectiveType)) return [];
  const message = clientMessage('The specified installer type does not write to Apps and Features entry.', 'InstallerType', inst.effectiveType);
  return [reportAt(ctx, inst, 'apps-and-features-type', 'error', message, 'AppsAndFeaturesEntries')];
});

export const msstoreRule = perInstaller('msstore-not-allowed', 'error', false, (ctx, inst) => {
  if (inst.effectiveType !== 'msstore') return [];
  const out: Finding[] = [];
  if (ctx.full) {
    const hint = 'The community repository does not accept Microsoft Store installers.';
    out.push(reportAt(ctx, inst, 'msstore-not-allowed', 'error', clientMessage('Field value is not supported.', 'InstallerType', 'msstore', hint), 'InstallerType'));
  }
  if (text(inst.values['MSStoreProductIdentifier']) === '') {
    out.push(reportAt(ctx, inst, 'msstore-not-allowed', 'error', clientMessage('Required field missing.', 'ProductId', undefined, 'Set MSStoreProductIdentifier.'), 'MSStoreProductIdentifier'));
  }
  return out;
});

export const downloadFieldsRule = perInstaller('download-fields-required', 'error', false, (ctx, inst) => {
  if (inst.effectiveType === 'msstore') return [];
  const out: Finding[] = [];
  const id = 'download-fields-required';
  if (text(inst.values['InstallerUrl']) === '') out.push(reportAt(ctx, inst, id, 'error', 'Required field missing. [InstallerUrl]', 'InstallerUrl'));
  if (text(inst.values['InstallerSha256']) === '') out.push(reportAt(ctx, inst, id, 'error', 'Required field missing. [InstallerSha256]', 'InstallerSha256'));
  if (text(inst.values['MSStoreProductIdentifier']) !== '') {
    const hint = 'MSStoreProductIdentifier is only for msstore installers.';
    out.push(reportAt(ctx, inst, id, 'error', clientMessage('Field is not supported.', 'ProductId', undefined, hint), 'MSStoreProductIdentifier'));
  }
  return out;
});

export const installerIdentityRules: readonly Rule[] = [
  duplicateInstallerRule, architectureRule, installerTypeRule, upgradeBehaviorRule, packageFamilyNameRule,
  productCodeRule, appsAndFeaturesRule, msstoreRule, downloadFieldsRule,
];
