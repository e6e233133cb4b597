/**
 * winget-pkgs' reviewers label a pull request Validation-Domain when an installer is downloaded from a domain that
 * does not align with the package's or the publisher's (policy labelAdded.validationDomain.yml: they then ask for
 * the publisher's word that the URL is right). Many such URLs are fine (a vendor's CDN on a name of its own), so
 * this is a hint, never a rejection.
 *
 * How an InstallerUrl and a PackageUrl or PublisherUrl (any locale's) count as related, chosen to stay quiet on
 * the usual layouts and without a public-suffix list:
 * - Outside code forges: the same registrable domain, i.e. the last two labels (dl.example.com and
 *   www.example.com share example.com), three under a country's second level (example.co.uk) or under a shared
 *   hosting suffix (each tenant of blob.core.windows.net, netlify.app, … is somebody else).
 * - On a code forge (GitHub, GitLab, Codeberg, Bitbucket, SourceForge) the host is everybody's, so only the same
 *   owner (SourceForge: project) counts: github.com/a and github.com/b are unrelated, github.com/a and a.github.io
 *   are related. GitHub's download hosts that name no owner (objects.githubusercontent.com, …) count as any
 *   GitHub owner, since release downloads redirect there.
 * - A forge owner whose name is the other site's domain name (github.com/obsproject and obsproject.com,
 *   github.com/obsidianmd and obsidian.md), comparing letters and digits only: projects publishing their site
 *   on their own domain and their builds on a forge are the common case.
 * A manifest with neither PackageUrl nor PublisherUrl gives nothing to compare with, so no hint.
 */
import type { Finding } from '../../findings';
import type { CommunityRule } from './community-rules';
import { effectiveInstallers, reportAt } from './effective-installers';
import { asRaw, dedupeFindings, text, type RuleContext } from './rule-context';
import { hostOf, pathSegmentsOf } from './url';

interface Site {
  host: string;
  /** Registrable domain, or the forge's own domain for a forge URL. */
  domain: string;
  /** The registrable domain without its suffix (`obsproject` of obsproject.com); '' for a forge URL. */
  name: string;
  /** The forge, for forge URLs. */
  forge?: string;
  /** The forge account or project; undefined when the URL does not say (a CDN host, the forge's home page). */
  owner?: string;
}

// A second-level label under a two-letter country code that is a registry's, not a registrant's (example.co.uk).
const COUNTRY_SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gob', 'gov', 'go', 'ltd', 'mil', 'ne', 'net', 'nic', 'or', 'org', 'plc']);

// Hosting suffixes whose subdomains belong to different customers; the label before them names the customer.
const SHARED_SUFFIXES = [
  'blob.core.windows.net', 'azureedge.net', 'azurewebsites.net', 'cloudfront.net', 'herokuapp.com', 'netlify.app',
  'vercel.app', 'pages.dev', 'workers.dev', 'r2.dev', 'web.app', 'firebaseapp.com', 'blogspot.com', 'itch.io',
];

const alphanumeric = (s: string): string => s.replace(/[^a-z0-9]/g, '');

function plainSite(host: string): Site {
  if (/^[0-9.]+$/.test(host) || host.includes('[')) return { host, domain: host, name: host };
  const labels = host.split('.');
  const shared = SHARED_SUFFIXES.find((suffix) => host.endsWith(`.${suffix}`));
  let suffixLabels = 1;
  if (shared !== undefined) suffixLabels = shared.split('.').length;
  else if (labels.length >= 3 && labels.at(-1)!.length === 2 && COUNTRY_SECOND_LEVEL.has(labels.at(-2)!)) suffixLabels = 2;
  const domainLabels = labels.slice(-(suffixLabels + 1));
  return { host, domain: domainLabels.join('.'), name: domainLabels[0]! };
}

/** The label before `.suffix` when the host is exactly one label under it (`owner.github.io`). */
function labelUnder(host: string, suffix: string): string | undefined {
  if (!host.endsWith(`.${suffix}`)) return undefined;
  const rest = host.slice(0, -suffix.length - 1);
  return rest === '' || rest.includes('.') ? undefined : rest;
}

function forgeSite(host: string, path: readonly string[]): Site | undefined {
  const site = (forge: string, owner: string | undefined): Site => ({ host, domain: forge, name: '', forge, ...(owner ? { owner } : {}) });
  const firstOwner = (): string | undefined => (path[0] === 'orgs' || path[0] === 'users' ? path[1] : path[0]);
  switch (host) {
    case 'github.com': case 'www.github.com': case 'codeload.github.com': case 'raw.githubusercontent.com':
      return site('github.com', firstOwner());
    case 'gitlab.com': case 'www.gitlab.com':
      return site('gitlab.com', firstOwner());
    case 'codeberg.org':
      return site('codeberg.org', firstOwner());
    case 'bitbucket.org':
      return site('bitbucket.org', firstOwner());
    case 'sourceforge.net': case 'www.sourceforge.net':
      return site('sourceforge.net', path[0] === 'projects' || path[0] === 'p' ? path[1] : undefined);
    case 'downloads.sourceforge.net':
      return site('sourceforge.net', path[0] === 'project' ? path[1] : undefined);
  }
  if (host.endsWith('.githubusercontent.com')) return site('github.com', undefined);
  const pages = labelUnder(host, 'github.io');
  if (pages !== undefined) return site('github.com', pages);
  const gitlabPages = labelUnder(host, 'gitlab.io');
  if (gitlabPages !== undefined) return site('gitlab.com', gitlabPages);
  const codebergPages = labelUnder(host, 'codeberg.page');
  if (codebergPages !== undefined) return site('codeberg.org', codebergPages);
  // Mirrors (`<mirror>.dl.sourceforge.net/project/<project>/…`) and project sites (`<project>.sourceforge.io`).
  if (host.endsWith('.dl.sourceforge.net')) return site('sourceforge.net', path[0] === 'project' ? path[1] : undefined);
  const project = labelUnder(host, 'sourceforge.io') ?? labelUnder(host, 'sourceforge.net');
  if (project !== undefined) return site('sourceforge.net', project);
  return undefined;
}

function siteOf(url: string): Site | undefined {
  const host = hostOf(url);
  if (host === '') return undefined;
  return forgeSite(host, pathSegmentsOf(url)) ?? plainSite(host);
}

function ownerNamesSite(owner: string | undefined, site: Site): boolean {
  if (owner === undefined) return false;
  const o = alphanumeric(owner);
  return o !== '' && (o === alphanumeric(site.name) || o === alphanumeric(site.domain));
}

function sitesRelated(a: Site, b: Site): boolean {
  if (a.forge !== undefined && b.forge !== undefined) {
    return a.forge === b.forge && (a.owner === undefined || b.owner === undefined || a.owner === b.owner);
  }
  if (a.forge !== undefined) return ownerNamesSite(a.owner, b);
  if (b.forge !== undefined) return ownerNamesSite(b.owner, a);
  return a.domain === b.domain;
}

/** Whether the two URLs are on related sites by the rule above; false when either has no host. */
export function urlsRelated(a: string, b: string): boolean {
  const x = siteOf(a);
  const y = siteOf(b);
  return x !== undefined && y !== undefined && sitesRelated(x, y);
}

function referenceSites(ctx: RuleContext): Site[] {
  const sites: Site[] = [];
  for (const locale of [ctx.set.defaultLocale, ...ctx.set.locales]) {
    const raw = asRaw(locale);
    for (const key of ['PackageUrl', 'PublisherUrl']) {
      const site = siteOf(text(raw?.[key]));
      if (site !== undefined && !sites.some((s) => s.host === site.host && s.owner === site.owner)) sites.push(site);
    }
  }
  return sites;
}

export const installerDomainRule: CommunityRule = {
  id: 'community-installer-domain',
  severity: 'warning',
  fullOnly: false,
  run(ctx) {
    const installers = effectiveInstallers(ctx);
    if (installers.length === 0) return [];
    const references = referenceSites(ctx);
    if (references.length === 0) return [];
    const named = (s: Site): string => (s.forge !== undefined && s.owner !== undefined ? `${s.forge}/${s.owner}` : s.domain);
    const against = [...new Set(references.map(named))].join(', ');
    const out: Finding[] = [];
    for (const inst of installers) {
      const url = text(inst.values['InstallerUrl']);
      const site = siteOf(url);
      if (site === undefined || references.some((ref) => sitesRelated(site, ref))) continue;
      const where = site.owner !== undefined ? named(site) : site.host;
      out.push(reportAt(ctx, inst, 'community-installer-domain', 'warning',
        `Hint: the installer is downloaded from ${where}, unrelated to the sites of PackageUrl and PublisherUrl (${against}); winget-pkgs reviewers may ask for the publisher's word that it distributes the installer there. Value: ${url}`,
        'InstallerUrl'));
    }
    return dedupeFindings(out);
  },
};
