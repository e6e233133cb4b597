import { describe, expect, it } from 'vitest';
import type { Finding } from '../../findings';
import { runCommunityRules, type CommunityInfo } from './index';
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

describe('community rules', () => {
  it('raise nothing for a current multi-file manifest in its repository folder', () => {
    expect(community(KUBE, { paths: kubePaths, versions: 1 })).toEqual([]);
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
