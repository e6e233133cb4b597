import { describe, expect, it } from 'vitest';
import type { Finding } from '../../findings';
import { ruleInfo } from '../catalog';
import { runCommunityRules, type CommunityInfo } from './index';
import { urlsRelated } from './domain-rule';
import { contextFrom, edit } from './test-kit';
import { example } from '../../../../test/rule-fixtures';
import { EXE_INSTALLER, FONT_FOLDER, TTF_FONT_INSTALLER, ZIP_FONT_INSTALLER, fontManifest } from '../../../../test/font-fixtures';

const community = (files: Record<string, string>, info: CommunityInfo = {}, id?: string): Finding[] => {
  const { ctx, singleton } = contextFrom(files);
  return runCommunityRules(ctx, { singleton, ...info }).filter((f) => id === undefined || f.rule === id);
};

const KUBE = example('k/Kubernetes/kubectl/1.33.1');
const KUBE_DIR = 'manifests/k/Kubernetes/kubectl/1.33.1';
const kubePaths = Object.keys(KUBE).map((n) => `${KUBE_DIR}/${n}`);
const OBSIDIAN = example('o/Obsidian/Obsidian/1.11.7');
const OBSIDIAN_DIR = 'manifests/o/Obsidian/Obsidian/1.11.7';
const OBSIDIAN_INSTALLER = 'Obsidian.Obsidian.installer.yaml';
const OBSIDIAN_RELEASES = 'https://github.com/obsidianmd/obsidian-releases/releases/download/v1.11.7/';

/** `files` with every occurrence of `from` replaced in every file (an identifier or a URL written many times). */
const everywhere = (files: Record<string, string>, from: string, to: string): Record<string, string> =>
  Object.fromEntries(Object.entries(files).map(([name, text]) => [name, text.replaceAll(from, to)]));

describe('community rules', () => {
  it('raise nothing for a current multi-file manifest in its repository folder', () => {
    expect(community(OBSIDIAN, { paths: Object.keys(OBSIDIAN).map((n) => `${OBSIDIAN_DIR}/${n}`), versions: 1 })).toEqual([]);
  });

  it('community-singleton names the label winget-pkgs sets for it', () => {
    expect(ruleInfo('community-singleton')?.label).toBe('Manifest-Singleton-Deprecated');
  });

  it('community-singleton: winget-pkgs takes only multi-file manifests', () => {
    const found = community(example('w/WinSCP/WinSCP/5.18.5.RC'), {}, 'community-singleton');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', file: 'WinSCP.WinSCP.yaml', line: 29, field: 'ManifestType' })]);
    expect(found[0]!.message).toContain('Singleton manifests are not accepted');
  });

  it('community-path-case: folders and file names follow PackageIdentifier, PackageVersion and PackageLocale exactly', () => {
    const paths = kubePaths.map((p) => p.replace('k/Kubernetes/kubectl', 'k/kubernetes/kubectl').replace('kubectl.installer', 'KUBECTL.installer'));
    paths[0] = `/home/me/winget-pkgs/${paths[0]!}`;
    const found = community(KUBE, { paths }, 'community-path-case');
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
    expect(found.filter((f) => f.message.includes(`The folder must be ${KUBE_DIR}/`))).toHaveLength(Object.keys(KUBE).length);
    const named = found.find((f) => f.file === 'Kubernetes.KUBECTL.installer.yaml' && f.message.startsWith('The file'));
    expect(named?.message).toContain('The file must be named Kubernetes.kubectl.installer.yaml');
    expect(community(KUBE, { paths: [undefined, 'Kubernetes.kubectl.yaml'] }, 'community-path-case')).toEqual([]);
  });

  it('community-path-case: a font package sits under fonts/, and only a font package does', () => {
    const font = fontManifest();
    const fontPaths = (folder: string) => Object.keys(font).map((n) => `${folder}${n}`);
    expect(community(font, { paths: fontPaths(FONT_FOLDER), versions: 1 })).toEqual([]);
    const underManifests = community(font, { paths: fontPaths(FONT_FOLDER.replace(/^fonts/, 'manifests')) }, 'community-path-case');
    expect(underManifests).toHaveLength(3);
    expect(underManifests[0]!.message).toBe(
      `Font packages live under fonts/ in winget-pkgs: the folder must be ${FONT_FOLDER}, not manifests/j/JetBrains/JetBrainsMono/2.304/.`,
    );
    const kubeUnderFonts = community(KUBE, { paths: kubePaths.map((p) => p.replace(/^manifests/, 'fonts')) }, 'community-path-case');
    expect(kubeUnderFonts).toHaveLength(kubePaths.length);
    expect(kubeUnderFonts[0]!.message).toBe(`Only font packages live under fonts/ in winget-pkgs: the folder must be ${KUBE_DIR}/, not fonts/k/Kubernetes/kubectl/1.33.1/.`);
  });

  it('community-font-package-mixed-installers: a font package holds font installers only, an error at InstallerType', () => {
    expect(community(fontManifest(`${ZIP_FONT_INSTALLER}${TTF_FONT_INSTALLER}`), {}, 'community-font-package-mixed-installers')).toEqual([]);
    expect(community(KUBE, {}, 'community-font-package-mixed-installers')).toEqual([]);
    const found = community(fontManifest(`${TTF_FONT_INSTALLER}${EXE_INSTALLER}`), {}, 'community-font-package-mixed-installers');
    expect(found).toEqual([
      expect.objectContaining({ severity: 'error', file: 'JetBrains.JetBrainsMono.installer.yaml', line: 11, field: 'Installers[1].InstallerType' }),
    ]);
    expect(found[0]!.message).toMatch(/^A font package may hold only font installers \(InstallerType font, or zip with NestedInstallerType font\), not exe: .*fonts\//);
    const zipOfPrograms = ZIP_FONT_INSTALLER.replace('NestedInstallerType: font', 'NestedInstallerType: portable');
    const [zip] = community(fontManifest(`${TTF_FONT_INSTALLER}${zipOfPrograms}`), {}, 'community-font-package-mixed-installers');
    expect(zip).toMatchObject({ field: 'Installers[1].InstallerType' });
    expect(zip!.message).toContain('not zip with NestedInstallerType portable');
  });

  it('community-https-url: installer downloads must use https', () => {
    const files = edit(KUBE, 'Kubernetes.kubectl.installer.yaml', 'InstallerUrl: https://dl.k8s.io/release/v1.33.1/bin/windows/amd64', 'InstallerUrl: http://dl.k8s.io/release/v1.33.1/bin/windows/amd64');
    const found = community(files, {}, 'community-https-url');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', file: 'Kubernetes.kubectl.installer.yaml', line: 14, field: 'Installers[1].InstallerUrl' })]);
    expect(found[0]!.message).toContain('https://');
  });

  it('community-indirect-url: installer downloads do not go through URL shorteners', () => {
    const files = edit(KUBE, 'Kubernetes.kubectl.installer.yaml', 'InstallerUrl: https://dl.k8s.io/release/v1.33.1/bin/windows/amd64', 'InstallerUrl: https://bit.ly/3kube/bin/windows/amd64');
    const found = community(files, {}, 'community-indirect-url');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', file: 'Kubernetes.kubectl.installer.yaml', line: 14, field: 'Installers[1].InstallerUrl' })]);
    expect(found[0]!.message).toContain('URL shortener bit.ly');
    // A vendor's own redirector, and the real host, are not shorteners.
    const aka = edit(KUBE, 'Kubernetes.kubectl.installer.yaml', 'InstallerUrl: https://dl.k8s.io/release/v1.33.1/bin/windows/amd64', 'InstallerUrl: https://aka.ms/kube/amd64');
    expect(community(aka, {}, 'community-indirect-url')).toEqual([]);
    expect(community(KUBE, {}, 'community-indirect-url')).toEqual([]);
  });

  it('community-old-manifest-version: new submissions use ManifestVersion 1.10.0 or newer', () => {
    const found = community(example('n/Neovim/Neovim/0.8.0'), {}, 'community-old-manifest-version');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', file: 'Neovim.Neovim.yaml', line: 8, field: 'ManifestVersion' })]);
    expect(found[0]!.message).toContain('older than 1.10.0');
  });

  it('community-one-version: a pull request holds one package version', () => {
    const found = community(KUBE, { versions: 2 }, 'community-one-version');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', file: 'Kubernetes.kubectl.yaml', line: 5, field: 'PackageVersion' })]);
  });
});

describe('community-installer-domain (Validation-Domain, a hint)', () => {
  const domain = (files: Record<string, string>): Finding[] => community(files, {}, 'community-installer-domain');

  it('is a hint the catalog labels Validation-Domain', () => {
    expect(ruleInfo('community-installer-domain')).toMatchObject({ origin: 'community', severity: 'warning', label: 'Validation-Domain', hint: true });
  });

  it('points at each InstallerUrl on a domain unrelated to PackageUrl and PublisherUrl', () => {
    // kubectl is served from dl.k8s.io, its pages are on kubernetes.io: genuine, but what a reviewer asks about.
    const found = domain(KUBE);
    expect(found.map((f) => [f.severity, f.file, f.line, f.field])).toEqual([
      ['warning', 'Kubernetes.kubectl.installer.yaml', 11, 'Installers[0].InstallerUrl'],
      ['warning', 'Kubernetes.kubectl.installer.yaml', 14, 'Installers[1].InstallerUrl'],
      ['warning', 'Kubernetes.kubectl.installer.yaml', 17, 'Installers[2].InstallerUrl'],
    ]);
    expect(found[0]!.message).toBe(
      'Hint: the installer is downloaded from dl.k8s.io, unrelated to the sites of PackageUrl and PublisherUrl (kubernetes.io); '
        + "winget-pkgs reviewers may ask for the publisher's word that it distributes the installer there. Value: https://dl.k8s.io/release/v1.33.1/bin/windows/386/kubectl.exe",
    );
  });

  it('takes another subdomain of the same registrable domain as related', () => {
    expect(domain(everywhere(KUBE, 'https://dl.k8s.io/', 'https://dl.kubernetes.io/'))).toEqual([]);
    expect(domain(everywhere(KUBE, 'https://dl.k8s.io/', 'https://kubernetes.io/'))).toEqual([]);
  });

  it('takes a GitHub release of the owner the site is named after, or of the PackageUrl\'s owner, as related', () => {
    // Obsidian: obsidian.md and github.com/obsidianmd.
    expect(domain(OBSIDIAN)).toEqual([]);
    const fzf = example('j/junegunn/fzf/0.56.3');
    expect(domain(fzf)).toEqual([]);
    // GitHub's download host names no owner; with a github.com PackageUrl it is the release it redirects from.
    expect(domain(everywhere(fzf, 'https://github.com/junegunn/fzf/releases/download/', 'https://objects.githubusercontent.com/github-production-release-asset-2e65be/'))).toEqual([]);
  });

  it('does not take a GitHub release of another owner, or GitHub\'s download host without a GitHub page, as related', () => {
    const [other] = domain(everywhere(OBSIDIAN, OBSIDIAN_RELEASES, 'https://github.com/someone-else/obsidian/releases/download/v1.11.7/'));
    expect(other).toMatchObject({ file: OBSIDIAN_INSTALLER, field: 'Installers[0].InstallerUrl' });
    expect(other!.message).toContain('downloaded from github.com/someone-else, unrelated to the sites of PackageUrl and PublisherUrl (obsidian.md)');
    const [cdn] = domain(everywhere(OBSIDIAN, OBSIDIAN_RELEASES, 'https://objects.githubusercontent.com/github-production-release-asset-2e65be/'));
    expect(cdn!.message).toContain('downloaded from objects.githubusercontent.com,');
  });

  it('gives no hint without PackageUrl and PublisherUrl', () => {
    // This font package names neither; its installer is on GitHub.
    expect(domain(example('d/DEVCOM/JetBrainsMonoNerdFont/3.3.0'))).toEqual([]);
    const bare = Object.fromEntries(Object.entries(KUBE).map(([name, text]) => [name, text.replace(/^(PackageUrl|PublisherUrl):.*\n/gm, '')]));
    expect(domain(bare)).toEqual([]);
  });

  it('relates URLs by registrable domain, tenant of a shared host, and forge owner or project', () => {
    expect(urlsRelated('https://dl.example.co.uk/x.exe', 'https://www.example.co.uk/')).toBe(true);
    expect(urlsRelated('https://example.co.uk/x.exe', 'https://other.co.uk/')).toBe(false);
    expect(urlsRelated('https://tool.netlify.app/x.exe', 'https://other.netlify.app/')).toBe(false);
    expect(urlsRelated('https://tool.netlify.app/x.exe', 'https://github.com/tool')).toBe(true);
    expect(urlsRelated('https://github.com/Owner/repo/releases/download/v1/x.exe', 'https://owner.github.io/repo')).toBe(true);
    expect(urlsRelated('https://github.com/owner/repo/releases/download/v1/x.exe', 'https://github.com/orgs/owner')).toBe(true);
    expect(urlsRelated('https://gitlab.com/owner/repo/-/releases/v1/x.exe', 'https://github.com/owner')).toBe(false);
    // WinSCP: winscp.net, built on SourceForge's project winscp.
    expect(urlsRelated('https://sourceforge.net/projects/winscp/files/WinSCP/6.3.5/WinSCP-6.3.5-Setup.exe/download', 'https://winscp.net')).toBe(true);
    expect(urlsRelated('https://downloads.sourceforge.net/project/winscp/WinSCP-6.3.5-Setup.exe', 'https://sourceforge.net/projects/winscp/')).toBe(true);
    expect(urlsRelated('https://downloads.sourceforge.net/project/other/x.exe', 'https://winscp.net')).toBe(false);
    expect(urlsRelated('NotAUrl', 'https://winscp.net')).toBe(false);
  });
});

describe('community-flagged-package (Package-Flagged) and community-blocked-package (Blocking-Issue)', () => {
  const renamed = (identifier: string): Record<string, string> => everywhere(OBSIDIAN, 'PackageIdentifier: Obsidian.Obsidian', `PackageIdentifier: ${identifier}`);
  const flagged = (files: Record<string, string>): Finding[] => community(files, {}, 'community-flagged-package');
  const blocked = (files: Record<string, string>): Finding[] => community(files, {}, 'community-blocked-package');

  it('name the labels the policies set', () => {
    expect(ruleInfo('community-flagged-package')).toMatchObject({ origin: 'community', severity: 'warning', label: 'Package-Flagged' });
    expect(ruleInfo('community-blocked-package')).toMatchObject({ origin: 'community', severity: 'warning', label: 'Blocking-Issue' });
  });

  it('report the field and the keyword as written, ignoring case', () => {
    const files = renamed('TimKosse.FileZilla.Client');
    const [flag] = flagged(files);
    expect(flag).toMatchObject({ severity: 'warning', file: 'Obsidian.Obsidian.yaml', line: 4, field: 'PackageIdentifier' });
    expect(flag!.message).toMatch(/^PackageIdentifier contains "FileZilla", which winget-pkgs' policy flags: .* Value: TimKosse\.FileZilla\.Client$/);
    const [block] = blocked(files);
    expect(block).toMatchObject({ file: 'Obsidian.Obsidian.yaml', line: 4, field: 'PackageIdentifier' });
    expect(block!.message).toContain('PackageIdentifier contains "FileZilla", which winget-pkgs\' block list matches');
  });

  it('match the policy\'s pattern, and need every word of an entry', () => {
    expect(flagged(renamed('BitTorrent.uTorrent'))[0]!.message).toContain('contains "uTorrent"');
    expect(flagged(renamed('BitTorrent.µTorrentWeb'))[0]!.message).toContain('contains "µTorrent"');
    expect(flagged(renamed('ArtifexSoftware.GhostScript'))[0]!.message).toContain('contains "ArtifexSoftware" and "GhostScript"');
    expect(flagged(renamed('ArtifexSoftware.GhostPCL'))).toEqual([]);
    expect(flagged(renamed('Mozilla.Firefox'))).toEqual([]);
    // The block list has its own words, and takes LavFiltersMegamix alone; the flag list needs it with `ranhpa`.
    expect(blocked(renamed('Estmob.SendAnywhere'))[0]!.message).toContain('contains "Estmob"');
    expect(flagged(renamed('Estmob.SendAnywhere'))).toEqual([]);
    expect(blocked(renamed('ranpha.LavFiltersMegamix'))).toHaveLength(1);
    expect(flagged(renamed('ranpha.LavFiltersMegamix'))).toEqual([]);
  });

  it('raise nothing for a package no policy names', () => {
    expect(flagged(OBSIDIAN)).toEqual([]);
    expect(blocked(OBSIDIAN)).toEqual([]);
    expect(flagged(KUBE)).toEqual([]);
  });
});
