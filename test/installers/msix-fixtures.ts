import { zipSync, type Zippable } from 'fflate';

/* MSIX-shaped zips: an AppxManifest.xml, a signature file with known bytes, and the usual companions. */

export const MS_PUBLISHER = 'CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US';
export const SIGNATURE_BYTES = new TextEncoder().encode('PKCX fake signature for Wingsmith tests');

export interface PackageOptions {
  name?: string;
  publisher?: string;
  version?: string;
  arch?: string;
  families?: { name: string; min: string }[];
  signed?: boolean;
}

export function appxManifest(o: PackageOptions = {}): string {
  const families = (o.families ?? [{ name: 'Windows.Desktop', min: '10.0.17763.0' }])
    .map((f) => `    <TargetDeviceFamily Name="${f.name}" MinVersion="${f.min}" MaxVersionTested="10.0.22621.0" />`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<Package xmlns="http://schemas.microsoft.com/appx/manifest/foundation/windows10" IgnorableNamespaces="">
  <!-- <Identity Name="Decoy" Publisher="CN=Decoy" Version="9.9.9.9" /> -->
  <Identity Name="${o.name ?? 'Wingsmith.Sample'}" Publisher="${(o.publisher ?? MS_PUBLISHER).replace(/&/g, '&amp;')}" Version="${o.version ?? '1.4.0.0'}" ProcessorArchitecture="${o.arch ?? 'x64'}" />
  <Properties>
    <DisplayName>Wingsmith Sample App</DisplayName>
    <PublisherDisplayName>Wingsmith &amp; Co</PublisherDisplayName>
    <Logo>Assets\\logo.png</Logo>
  </Properties>
  <Dependencies>
${families}
  </Dependencies>
</Package>
`;
}

const text = (s: string) => new TextEncoder().encode(s);

export function buildMsix(o: PackageOptions = {}): Uint8Array {
  const files: Zippable = {
    'AppxManifest.xml': text(appxManifest(o)),
    'AppxBlockMap.xml': text('<?xml version="1.0"?><BlockMap />'),
    '[Content_Types].xml': text('<?xml version="1.0"?><Types />'),
    'app/Wingsmith.exe': [new Uint8Array(4096).fill(7), { level: 9 }],
  };
  if (o.signed !== false) files['AppxSignature.p7x'] = [SIGNATURE_BYTES, { level: 6 }];
  return zipSync(files, { level: 6 });
}

/** A bundle of two architecture packages; `inlineFamilies` puts TargetDeviceFamily in the bundle manifest. */
export function buildBundle(options: { inlineFamilies: boolean }): Uint8Array {
  const x64 = buildMsix({ arch: 'x64', families: [{ name: 'Windows.Desktop', min: '10.0.19041.0' }] });
  const arm64 = buildMsix({ arch: 'arm64', families: [{ name: 'Windows.Desktop', min: '10.0.22000.0' }, { name: 'Windows.Universal', min: '10.0.20348.0' }] });
  const deps = (min: string) => (options.inlineFamilies ? `<b4:Dependencies><b4:TargetDeviceFamily Name="Windows.Desktop" MinVersion="${min}" MaxVersionTested="10.0.22621.0"/></b4:Dependencies>` : '');
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<Bundle xmlns="http://schemas.microsoft.com/appx/2013/bundle" xmlns:b4="http://schemas.microsoft.com/appx/2018/bundle" SchemaVersion="5.0">
  <Identity Name="Wingsmith.Sample" Publisher="${MS_PUBLISHER}" Version="1.4.0.0" />
  <Packages>
    <Package Type="application" Version="1.4.0.0" Architecture="x64" FileName="Sample_x64.msix" Offset="0" Size="${x64.length}">
      <Resources><Resource Language="EN-US" /></Resources>${deps('10.0.19041.0')}
    </Package>
    <Package Type="application" Version="1.4.0.0" Architecture="arm64" FileName="Sample_arm64.msix" Offset="0" Size="${arm64.length}">
      <Resources><Resource Language="EN-US" /></Resources>${deps('10.0.22000.0')}
    </Package>
    <Package Type="resource" Version="1.4.0.0" ResourceId="split.scale-200" FileName="Sample_scale-200.msix" Offset="0" Size="10" />
  </Packages>
</Bundle>
`;
  return zipSync({
    'AppxMetadata/AppxBundleManifest.xml': text(manifest),
    'Sample_x64.msix': [x64, { level: 0 }],
    'Sample_arm64.msix': [arm64, { level: 0 }],
    'AppxSignature.p7x': [SIGNATURE_BYTES, { level: 0 }],
    'AppxBlockMap.xml': text('<?xml version="1.0"?><BlockMap />'),
  });
}
