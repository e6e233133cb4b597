/** The nested objects of an installer: switches, dependencies, return codes, ARP entries, markets, and so on. */
import { z } from 'zod';
import type { SchemaVersion } from '../manifest-version';
import { opt, pattern, tweakJson, unique } from './helpers';
import {
  AUTHENTICATION_TYPES,
  INSTALLED_FILE_TYPES,
  INSTALLER_TYPES,
  PATTERNS,
  RETURN_RESPONSES,
  enumAt,
  installerReturnCode,
  packageIdentifier,
  packageVersion,
  sha256,
  text,
  url,
} from './primitives';
import { gate } from './versioning';

const switchText = (description: string, max = 512) => opt(text(1, max, description));

export const installerSwitches = (v: SchemaVersion) =>
  z.object(
    gate(v, {
      Silent: switchText('Silent is the value that should be passed to the installer when user chooses a silent or quiet install'),
      SilentWithProgress: switchText('SilentWithProgress is the value that should be passed to the installer when user chooses a non-interactive install'),
      Interactive: switchText('Interactive is the value that should be passed to the installer when user chooses an interactive install'),
      InstallLocation: switchText('InstallLocation is the value passed to the installer for custom install location. <INSTALLPATH> token can be included in the switch value so that winget will replace the token with user provided path'),
      Log: switchText('Log is the value passed to the installer for custom log file path. <LOGPATH> token can be included in the switch value so that winget will replace the token with user provided path'),
      Upgrade: switchText('Upgrade is the value that should be passed to the installer when user chooses an upgrade'),
      Custom: switchText('Custom switches will be passed directly to the installer by winget', 2048),
      Repair: switchText("The 'Repair' value must be passed to the installer, ModifyPath ARP command, or uninstaller ARP command when the user opts for a repair."),
    }),
  );

const dependencyNames = (description: string) => opt(unique(z.array(z.string().min(1).max(128)).max(16)).describe(description));

/** The singleton schema alone does not require PackageDependencies to be unique. */
export const dependencies = (v: SchemaVersion, uniquePackages = true) => {
  const packages = z
    .array(
      z.object({
        PackageIdentifier: packageIdentifier(v),
        MinimumVersion: packageVersion().optional(),
      }),
    )
    .max(16);
  return z.object({
    WindowsFeatures: dependencyNames('List of Windows feature dependencies'),
    WindowsLibraries: dependencyNames('List of Windows library dependencies'),
    PackageDependencies: opt((uniquePackages ? unique(packages) : packages).describe('List of package dependencies from current source')),
    ExternalDependencies: dependencyNames('List of external package dependencies'),
  });
};

export const expectedReturnCode = (v: SchemaVersion) =>
  z
    .object(
      gate(v, {
        InstallerReturnCode: installerReturnCode(),
        ReturnResponse: enumAt('RETURN_RESPONSES', RETURN_RESPONSES, v).describe('The meaning winget gives to the return code'),
        ReturnResponseUrl: opt(url('The return response url to provide additional guidance for expected return codes')),
      }),
    )
    .describe('An installer exit code with a known meaning');

export const productCode = (description = 'ProductCode could be used for correlation of packages across sources') =>
  opt(text(1, 255, description));

export const appsAndFeaturesEntry = (v: SchemaVersion) =>
  z
    .object({
      DisplayName: opt(text(1, 256, 'The DisplayName registry value')),
      Publisher: opt(text(1, 256, 'The Publisher registry value')),
      DisplayVersion: opt(text(1, 128, 'The DisplayVersion registry value')),
      ProductCode: productCode(),
      UpgradeCode: productCode('The UpgradeCode registry value'),
      InstallerType: opt(enumAt('INSTALLER_TYPES', INSTALLER_TYPES, v).describe('The installer type that wrote the entry')),
    })
    .describe("Various key values under installer's ARP entry");

export const nestedInstallerFile = () =>
  z
    .object({
      RelativeFilePath: text(1, 512, 'The relative path to the nested installer file'),
      PortableCommandAlias: opt(text(1, 40, 'The command alias to be used for calling the package. Only applies to the nested portable package')),
    })
    .describe('A nested installer file contained inside an archive');

export const installationMetadata = () =>
  z
    .object({
      DefaultInstallLocation: opt(text(1, 2048, 'Represents the default installed package location. Used for deeper installation detection.')),
      Files: opt(
        unique(
          z
            .array(
              z
                .object({
                  RelativeFilePath: text(1, 2048, 'The relative path to the installed file.'),
                  FileSha256: opt(sha256('Optional Sha256 of the installed file.')),
                  FileType: opt(z.enum(INSTALLED_FILE_TYPES).describe('The optional installed file type. If not specified, the file is treated as other.')),
                  InvocationParameter: opt(text(1, 2048, 'Optional parameter for invocable files.')),
                  DisplayName: opt(text(1, 256, 'Optional display name for invocable files.')),
                })
                .describe('Represents an installed file.'),
            )
            .max(2048),
        ).describe('List of installed files.'),
      ),
    })
    .describe('Details about the installation. Used for deeper installation detection.');

const marketArray = (description: string) =>
  opt(unique(z.array(z.string().regex(pattern(PATTERNS.market)).describe('The installer target market')).max(256)).describe(description));

/** The official schema states "exactly one of AllowedMarkets / ExcludedMarkets" as a oneOf of two required-property branches. */
const asOneOfBranches = (json: Record<string, unknown>) => {
  const properties = json.properties as Record<string, unknown> | undefined;
  if (!properties) return;
  json.oneOf = Object.entries(properties).map(([name, schema]) => ({ properties: { [name]: schema }, required: [name] }));
  delete json.properties;
  delete json.required;
};

export const markets = () =>
  tweakJson(
    z
      .object({
        AllowedMarkets: marketArray('Markets the installer may be offered in'),
        ExcludedMarkets: marketArray('Markets the installer must not be offered in'),
      })
      .superRefine((m, ctx) => {
        if ((m.AllowedMarkets === undefined) === (m.ExcludedMarkets === undefined)) {
          ctx.addIssue({ code: 'custom', message: 'Markets must have exactly one of AllowedMarkets and ExcludedMarkets' });
        }
      })
      .describe('The installer markets'),
    asOneOfBranches,
  );

export const authentication = () =>
  z
    .object({
      AuthenticationType: z.enum(AUTHENTICATION_TYPES).describe('The authentication type'),
      MicrosoftEntraIdAuthenticationInfo: opt(
        z
          .object({
            Resource: opt(text(1, 512, 'The resource value for Microsoft Entra Id authentication.')),
            Scope: opt(text(1, 512, 'The scope value for Microsoft Entra Id authentication.')),
          })
          .describe('The Microsoft Entra Id authentication info'),
      ),
    })
    .describe('The authentication requirement for downloading the installer.');

export const desiredStateConfiguration = () =>
  z
    .object({
      PowerShell: opt(
        unique(
          z
            .array(
              z.object({
                RepositoryUrl: url('The repository the PowerShell module is published to'),
                ModuleName: z.string().regex(pattern(PATTERNS.psModuleName)).max(100).describe('The name of the module containing resources.'),
                Resources: z
                  .array(
                    z.object({
                      Name: z.string().regex(pattern(PATTERNS.psResourceName)).max(100).describe('The name of the resource.').optional(),
                    }),
                  )
                  .max(64)
                  .describe('The resources contained within the module.'),
              }),
            )
            .max(16),
        ).describe('Contains data about DSC resources that are contained in PowerShell modules.'),
      ),
      DSCv3: opt(
        z
          .object({
            Resources: z
              .array(
                z.object({
                  Type: z.string().regex(pattern(PATTERNS.dscV3ResourceType)).max(256).describe('The type name of the resource (Publisher.Product.Component/ResourceName).').optional(),
                }),
              )
              .max(128)
              .describe('The resources contained within the package.'),
          })
          .describe('Contains data about DSC resources that are contained in the package using the DSC v3 specification.'),
      ),
    })
    .describe('References to desired state configuration (DSC) resources that are related to the package.');
