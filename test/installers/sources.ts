/*
 * Sources of the real installers the tests build, with the values the analysers must read back. Changing anything
 * here changes the cache key in build.ts, so the installers are rebuilt.
 */

export const MSI = {
  productCode: '{3F2A1B4C-5D6E-4F70-8192-A3B4C5D6E7F8}',
  upgradeCode: '{0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}',
  x86ProductCode: '{7E6D5C4B-3A29-4180-9F7E-6D5C4B3A2918}',
  userProductCode: '{C0FFEE00-1234-4567-89AB-CDEF01234567}',
  manufacturer: 'Wingsmith Tests',
  userManufacturer: 'Wingsmith Tëst GmbH',
  name: 'Wingsmith Sample',
  version: '1.2.3',
} as const;

interface WxsOptions {
  productCode: string;
  manufacturer: string;
  language: number;
  scope: 'perMachine' | 'perUser';
  win64: boolean;
  /** Leaves a WixUI_Mode property behind, as WiX's UI extension does, to mark the MSI as WiX-built. */
  wixUi: boolean;
}

export function wxs(o: WxsOptions): string {
  const folder = o.scope === 'perUser' ? 'LocalAppDataFolder' : o.win64 ? 'ProgramFiles64Folder' : 'ProgramFilesFolder';
  return `<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="${o.productCode}" Name="${MSI.name}" Language="${o.language}" Codepage="1252" Version="${MSI.version}"
           Manufacturer="${o.manufacturer}" UpgradeCode="${MSI.upgradeCode}">
    <Package InstallerVersion="200" Compressed="yes" InstallScope="${o.scope}"/>
    <Media Id="1" Cabinet="data.cab" EmbedCab="yes"/>
    ${o.wixUi ? '<Property Id="WixUI_Mode" Value="InstallDir"/>' : ''}
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="${folder}">
        <Directory Id="INSTALLDIR" Name="Wingsmith Sample">
          <Component Id="Main" Guid="{5A4B3C2D-1E0F-4A9B-8C7D-6E5F4A3B2C1D}"${o.win64 ? ' Win64="yes"' : ''}>
            <File Id="readme" Name="readme.txt" Source="readme.txt"/>
            <File Id="payload" Name="payload.bin" Source="payload.bin"/>
          </Component>
        </Directory>
      </Directory>
    </Directory>
    <Feature Id="Complete" Level="1"><ComponentRef Id="Main"/></Feature>
  </Product>
</Wix>
`;
}

export const NSIS = {
  productName: 'Wingsmith NSIS Sample',
  company: 'Wingsmith Tests NSIS',
  productVersion: '2.3.4',
  copyright: 'Copyright (c) 2026 Wingsmith Tests',
} as const;

export const nsi = `Unicode true
Name "${NSIS.productName}"
OutFile "setup-nsis.exe"
RequestExecutionLevel user
VIProductVersion "2.3.4.5"
VIAddVersionKey "ProductName" "${NSIS.productName}"
VIAddVersionKey "CompanyName" "${NSIS.company}"
VIAddVersionKey "ProductVersion" "${NSIS.productVersion}"
VIAddVersionKey "FileVersion" "2.3.4.5"
VIAddVersionKey "LegalCopyright" "${NSIS.copyright}"
VIAddVersionKey "FileDescription" "${NSIS.productName} Setup"
Section
  SetOutPath "$LOCALAPPDATA\\WingsmithNsisSample"
  File "readme.txt"
SectionEnd
`;

export const PE = {
  company: 'Wingsmith PE Tests',
  productName: 'Wingsmith Tool',
  productVersion: '3.4.5',
  copyright: '© 2026 Wingsmith Tests',
} as const;

export const helloC = 'int main(void) { return 0; }\n';

export const versionRc = `#pragma code_page(65001)
1 VERSIONINFO
FILEVERSION 3,4,5,6
PRODUCTVERSION 3,4,5,0
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904b0"
    BEGIN
      VALUE "CompanyName", "${PE.company}"
      VALUE "ProductName", "${PE.productName}"
      VALUE "ProductVersion", "${PE.productVersion}"
      VALUE "FileVersion", "3.4.5.6"
      VALUE "LegalCopyright", "${PE.copyright}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
`;
