/**
 * The 0.1.0 preview manifest (winget-schemas/preview/manifest.0.1.0.json): one file, its own field names,
 * comma-separated lists. The client checks a preview file against this schema before its own rules, so every
 * length and pattern of the official schema is here; preview.ts (model) converts a file to a v1 set.
 */
import { z } from 'zod';
import type { ObjectNode } from './field-tree';
import { objectTree } from './tree';

const text = (min: number, max: number) => z.string().min(min).max(max).nullish();

// The preview schema spells its enums as case-insensitive patterns.
const ARCH = /^(arm|x86|x64|arm64|neutral)$/i;
const INSTALLER_TYPE = /^(exe|msi|msix|inno|wix|nullsoft|appx|zip|burn)$/i;
const UPDATE_BEHAVIOR = /^(install|uninstallprevious)$/i;
const SCOPE = /^(user|machine)$/i;
const URL = /^(https?):\/\/.+$/i;
const SHA256 = /^[A-Fa-f0-9]{64}$/;
const PACKAGE_FAMILY_NAME = /^[A-Za-z0-9][-.A-Za-z0-9]+_[A-Za-z0-9]{13}$/;
const PART = '(0|[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])';
const MANIFEST_VERSION = new RegExp(`^${PART}(\\.${PART}){2}$`);
const MIN_OS_VERSION = new RegExp(`^${PART}(\\.${PART}){0,3}$`);
// eslint-disable-next-line no-control-regex
const ID = /^[^\s\\/:*?"<>|\x01-\x1f]+\.[^\s\\/:*?"<>|\x01-\x1f]+$/;
// eslint-disable-next-line no-control-regex
const VERSION = /^[^\\/:*?"<>|\x01-\x1f]+$/;

const url = z.string().regex(URL).max(2048).nullish();
const installerType = z.string().regex(INSTALLER_TYPE).nullish();
const updateBehavior = z.string().regex(UPDATE_BEHAVIOR).nullish();
const packageFamilyName = z.string().regex(PACKAGE_FAMILY_NAME).max(255).nullish();
const productCode = text(1, 255);

export const previewSwitchesSchema = z.looseObject({
  Custom: text(1, 2048),
  Silent: text(1, 512),
  SilentWithProgress: text(1, 512),
  Interactive: text(1, 512),
  Language: text(1, 512),
  Log: text(1, 512),
  InstallLocation: text(1, 512),
  Update: text(1, 512),
});

export const previewInstallerSchema = z.looseObject({
  Arch: z.string().regex(ARCH),
  Url: z.string().regex(URL).max(2048),
  Sha256: z.string().regex(SHA256),
  SignatureSha256: z.string().regex(SHA256).nullish(),
  Language: text(2, 20),
  Scope: z.string().regex(SCOPE).nullish(),
  InstallerType: installerType,
  UpdateBehavior: updateBehavior,
  PackageFamilyName: packageFamilyName,
  ProductCode: productCode,
  Switches: previewSwitchesSchema.nullish(),
});

export const previewLocalizationSchema = z.looseObject({
  Language: z.string().min(2).max(20),
  Description: text(1, 10000),
  Homepage: url,
  LicenseUrl: url,
});

export const previewManifestSchema = z.looseObject({
  ManifestVersion: z.string().regex(MANIFEST_VERSION).nullish(),
  Id: z.string().regex(ID).max(255),
  Name: z.string().min(1).max(128),
  Version: z.string().regex(VERSION).min(1),
  Publisher: z.string().min(1).max(128),
  AppMoniker: text(1, 100),
  Channel: text(1, 40),
  Author: text(1, 100),
  License: z.string().min(1).max(1000),
  MinOSVersion: z.string().regex(MIN_OS_VERSION).nullish(),
  Tags: text(1, 1000),
  Commands: text(1, 1000),
  Protocols: text(1, 1000),
  FileExtensions: text(1, 1000),
  InstallerType: installerType,
  UpdateBehavior: updateBehavior,
  PackageFamilyName: packageFamilyName,
  ProductCode: productCode,
  Description: text(1, 10000),
  Homepage: url,
  LicenseUrl: url,
  Switches: previewSwitchesSchema.nullish(),
  Installers: z.array(previewInstallerSchema).min(1),
  Localization: z.array(previewLocalizationSchema).nullish(),
});

export type PreviewManifest = z.infer<typeof previewManifestSchema>;
export type PreviewInstaller = z.infer<typeof previewInstallerSchema>;

let tree: ObjectNode | undefined;

/** The preview's field list, for reading a 0.1.0 file key by key as the client does. */
export function previewFieldTree(): ObjectNode {
  tree ??= objectTree(previewManifestSchema);
  return tree;
}
