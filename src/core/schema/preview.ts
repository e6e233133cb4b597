/**
 * The 0.1.0 preview manifest (winget-schemas/preview/manifest.0.1.0.json): one file, its own field names,
 * comma-separated lists. Wingsmith only reads it in order to convert it to a v1 set, so this keeps the required
 * fields and the value shapes and leaves lengths and most patterns to the v1 schema after conversion.
 */
import { z } from 'zod';
import type { ObjectNode } from './field-tree';
import { objectTree } from './tree';

const optText = z.string().nullish();

// The preview schema spells its enums as case-insensitive patterns.
const ARCH = /^(arm|x86|x64|arm64|neutral)$/i;
const INSTALLER_TYPE = /^(exe|msi|msix|inno|wix|nullsoft|appx|zip|burn)$/i;
const UPDATE_BEHAVIOR = /^(install|uninstallprevious)$/i;
const SCOPE = /^(user|machine)$/i;
const URL = /^https?:\/\/.+$/i;
const SHA256 = /^[A-Fa-f0-9]{64}$/;

export const previewSwitchesSchema = z.looseObject({
  Custom: optText,
  Silent: optText,
  SilentWithProgress: optText,
  Interactive: optText,
  Language: optText,
  Log: optText,
  InstallLocation: optText,
  Update: optText,
});

export const previewInstallerSchema = z.looseObject({
  Arch: z.string().regex(ARCH),
  Url: z.string().regex(URL).max(2048),
  Sha256: z.string().regex(SHA256),
  SignatureSha256: z.string().regex(SHA256).nullish(),
  Language: optText,
  Scope: z.string().regex(SCOPE).nullish(),
  InstallerType: z.string().regex(INSTALLER_TYPE).nullish(),
  UpdateBehavior: z.string().regex(UPDATE_BEHAVIOR).nullish(),
  PackageFamilyName: optText,
  ProductCode: optText,
  Switches: previewSwitchesSchema.nullish(),
});

export const previewLocalizationSchema = z.looseObject({
  Language: z.string().min(2).max(20),
  Description: optText,
  Homepage: z.string().regex(URL).nullish(),
  LicenseUrl: z.string().regex(URL).nullish(),
});

export const previewManifestSchema = z.looseObject({
  ManifestVersion: optText,
  // eslint-disable-next-line no-control-regex
  Id: z.string().regex(/^[^\s\\/:*?"<>|\x01-\x1f]+\.[^\s\\/:*?"<>|\x01-\x1f]+$/).max(255),
  Name: z.string().min(1).max(128),
  Version: z.string().min(1),
  Publisher: z.string().min(1).max(128),
  AppMoniker: optText,
  Channel: optText,
  Author: optText,
  License: z.string().min(1).max(1000),
  MinOSVersion: optText,
  Tags: optText,
  Commands: optText,
  Protocols: optText,
  FileExtensions: optText,
  InstallerType: z.string().regex(INSTALLER_TYPE).nullish(),
  UpdateBehavior: z.string().regex(UPDATE_BEHAVIOR).nullish(),
  PackageFamilyName: optText,
  ProductCode: optText,
  Description: optText,
  Homepage: z.string().regex(URL).nullish(),
  LicenseUrl: z.string().regex(URL).nullish(),
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
