/**
 * What microsoft/winget-pkgs asks beyond the client (its pipeline and reviewers): warnings, so that a manifest
 * for another source still validates, but each one would hold up a community pull request. The one error is a
 * package of fonts and other installers: the repository has no folder where it could go.
 */
import type { RuleId } from '../catalog';
import type { Finding } from '../../findings';
import { atLeast } from '../../manifest-version';
import { fontInstallersKnown, isFontInstallerType, repositoryRoot } from '../../repo/font-package';
import { repositoryPathStart } from '../../repo/paths';
import { asRaw, dedupeFindings, finding, text, type Rule, type RuleContext } from './rule-context';
import { effectiveInstallers, reportAt, type EffectiveInstaller } from './effective-installers';
import { hostOf, isHttpsUrl } from './url';
import { installerDomainRule } from './domain-rule';
import { blockedPackageRule, flaggedPackageRule } from './flagged-words';

export interface CommunityInfo {
  /** The set was read from one singleton file. */
  singleton?: boolean;
  /** Repository-relative path of each file read, when known (`manifests/m/Microsoft/…/Microsoft.Foo.yaml`). */
  paths?: readonly (string | undefined)[];
  /** File names as findings should show them, parallel to `paths`; the path's last segment otherwise. */
  names?: readonly string[];
  /** How many package versions the submission holds. */
  versions?: number;
}

/** A rule that needs more than the set: what was submitted and where it sits in the repository. */
export interface CommunityRule extends Omit<Rule, 'run'> {
  run(ctx: RuleContext, info: CommunityInfo): Finding[];
}

export const MINIMUM_COMMUNITY_MANIFEST_VERSION = '1.10.0';

export const singletonRule: CommunityRule = {
  id: 'community-singleton',
  severity: 'warning',
  fullOnly: false,
  run: (ctx, info) =>
    info.singleton
      ? [finding(ctx, 'community-singleton', 'warning', 'Singleton manifests are not accepted by winget-pkgs; split it into version, installer and locale files.', 'version', ['ManifestType'])]
      : [],
};

/** A warning at each installer's InstallerUrl for which `problem` returns a message. */
function installerUrlRule(id: RuleId, problem: (url: string) => string | undefined): CommunityRule {
  return {
    id,
    severity: 'warning',
    fullOnly: false,
    run: (ctx) =>
      dedupeFindings(
        effectiveInstallers(ctx).flatMap((inst) => {
          const url = text(inst.values['InstallerUrl']);
          const message = url === '' ? undefined : problem(url);
          return message === undefined ? [] : [reportAt(ctx, inst, id, 'warning', message, 'InstallerUrl')];
        }),
      ),
  };
}

export const httpsUrlRule = installerUrlRule('community-https-url', (url) =>
  isHttpsUrl(url) ? undefined : `InstallerUrl must use https:// in winget-pkgs. Value: ${url}`,
);

/**
 * Public URL shorteners: the address says nothing of where the file comes from, and the target can be changed
 * at any time without touching the manifest. Vendors' own redirectors (aka.ms, go.microsoft.com) are left alone:
 * they are the usual way their packages are published.
 */
const SHORTENERS = new Set([
  'bit.ly', 'bitly.com', 'buff.ly', 'cutt.ly', 'goo.gl', 'is.gd', 'ow.ly', 'rb.gy', 'rebrand.ly', 's.id', 'shorturl.at',
  't.co', 't.ly', 'tiny.cc', 'tinyurl.com', 'v.gd', 'shorte.st', 'adf.ly', 'lnkd.in',
]);

export const indirectUrlRule = installerUrlRule('community-indirect-url', (url) => {
  const host = hostOf(url);
  return SHORTENERS.has(host) ? `InstallerUrl goes through the URL shortener ${host}; winget-pkgs wants the address the file is served from. Value: ${url}` : undefined;
});

export const oldManifestVersionRule: CommunityRule = {
  id: 'community-old-manifest-version',
  severity: 'warning',
  fullOnly: false,
  run: (ctx) =>
    atLeast(ctx.manifestVersion, MINIMUM_COMMUNITY_MANIFEST_VERSION)
      ? []
      : [
          finding(ctx, 'community-old-manifest-version', 'warning',
            `ManifestVersion ${ctx.manifestVersion} is older than ${MINIMUM_COMMUNITY_MANIFEST_VERSION}; winget-pkgs expects new submissions in ${MINIMUM_COMMUNITY_MANIFEST_VERSION} or newer.`,
            'version', ['ManifestVersion']),
        ],
};

export const oneVersionRule: CommunityRule = {
  id: 'community-one-version',
  severity: 'warning',
  fullOnly: false,
  run: (ctx, info) =>
    (info.versions ?? 1) > 1
      ? [finding(ctx, 'community-one-version', 'warning', `A winget-pkgs pull request may change only one package version; this one has ${info.versions}.`, 'version', ['PackageVersion'])]
      : [],
};

/** The folder and file names winget-pkgs uses for this set, case included. */
export function expectedRepositoryLayout(ctx: RuleContext, singleton: boolean): { folder: string[]; files: string[] } {
  const id = text(asRaw(ctx.set.version)?.['PackageIdentifier']);
  const version = text(asRaw(ctx.set.version)?.['PackageVersion']);
  const folder = [repositoryRoot(ctx.set.installer, ctx.manifestVersion), id.charAt(0).toLowerCase(), ...id.split('.'), version];
  if (singleton) return { folder, files: [`${id}.yaml`] };
  const tags = [asRaw(ctx.set.defaultLocale)?.['PackageLocale'], ...ctx.set.locales.map((l) => asRaw(l)?.['PackageLocale'])].map(text);
  return { folder, files: [`${id}.yaml`, `${id}.installer.yaml`, ...tags.map((t) => `${id}.locale.${t}.yaml`)] };
}

export const pathCaseRule: CommunityRule = {
  id: 'community-path-case',
  severity: 'warning',
  fullOnly: false,
  run(ctx, info) {
    const layout = expectedRepositoryLayout(ctx, info.singleton ?? false);
    const out: Finding[] = [];
    (info.paths ?? []).forEach((raw, i) => {
      if (!raw) return;
      const segments = raw.replaceAll('\\', '/').split('/').filter((s) => s !== '');
      const start = repositoryPathStart(segments.slice(0, -1));
      if (start < 0) return;
      const name = segments[segments.length - 1] ?? '';
      const folder = segments.slice(start, -1);
      const report = (message: string): void => {
        out.push({ severity: 'warning', rule: 'community-path-case', message, file: info.names?.[i] ?? name, line: 0, column: 0, field: '' });
      };
      const wanted = layout.folder.join('/');
      const root = folder[0]!.toLowerCase();
      if (root !== layout.folder[0]) {
        report(layout.folder[0] === 'fonts'
          ? `Font packages live under fonts/ in winget-pkgs: the folder must be ${wanted}/, not ${folder.join('/')}/.`
          : `Only font packages live under fonts/ in winget-pkgs: the folder must be ${wanted}/, not ${folder.join('/')}/.`);
      } else if (folder.join('/') !== wanted) {
        report(`The folder must be ${wanted}/ (same letters and case as PackageIdentifier and PackageVersion), not ${folder.join('/')}/.`);
      }
      if (!layout.files.includes(name)) {
        const sameLetters = layout.files.find((f) => f.toLowerCase() === name.toLowerCase());
        report(sameLetters
          ? `The file must be named ${sameLetters}, with the same case as PackageIdentifier and PackageLocale.`
          : `The file name ${name} is not one winget-pkgs uses; expected one of: ${layout.files.join(', ')}.`);
      }
    });
    return out;
  },
};

/** A font package's folder is under fonts/, where winget-pkgs accepts only installers that install fonts. */
export const fontPackageMixedRule: CommunityRule = {
  id: 'community-font-package-mixed-installers',
  severity: 'error',
  fullOnly: false,
  run(ctx) {
    if (!fontInstallersKnown(ctx.manifestVersion)) return [];
    const installers = effectiveInstallers(ctx);
    const isFont = (inst: EffectiveInstaller): boolean => isFontInstallerType(inst.values['InstallerType'], inst.values['NestedInstallerType']);
    if (!installers.some(isFont)) return [];
    return dedupeFindings(
      installers.filter((inst) => !isFont(inst)).map((inst) => {
        const nested = inst.baseType === 'zip' ? ` with NestedInstallerType ${text(inst.values['NestedInstallerType']) || '(none)'}` : '';
        const type = `${text(inst.values['InstallerType']) || '(none)'}${nested}`;
        return reportAt(ctx, inst, 'community-font-package-mixed-installers', 'error',
          `A font package may hold only font installers (InstallerType font, or zip with NestedInstallerType font), not ${type}: winget-pkgs keeps fonts under fonts/ and other installers under manifests/, so submit them as separate packages.`,
          'InstallerType');
      }),
    );
  },
};

export const communityRules: readonly CommunityRule[] = [
  singletonRule, pathCaseRule, fontPackageMixedRule, httpsUrlRule, indirectUrlRule, oldManifestVersionRule, oneVersionRule,
  installerDomainRule, flaggedPackageRule, blockedPackageRule,
];

export function runCommunityRules(ctx: RuleContext, info: CommunityInfo = {}): Finding[] {
  return communityRules.flatMap((rule) => rule.run(ctx, info));
}
