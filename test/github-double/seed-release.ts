import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { buildInstallers } from '../installers/build';
import { buildMsix } from '../installers/msix-fixtures';
import type { AssetInput } from './release-state';
import type { DoubleState } from './state';

/** A source repository with one release, for demos of importing a GitHub release. */
export const SAMPLE_REPO = 'wingsmith-samples/sample-tool';
export const SAMPLE_TAG = 'v1.2.3';

const MIT = `MIT License

Copyright (c) 2024 Wingsmith Samples

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
`;

const NOTES = `## What's changed

- Faster start-up on **Windows 11**.
- Fixed a crash when the settings file is empty.

**Full changelog**: v1.2.2...v1.2.3
`;

/** Synchronous and cheap: the repository, its metadata and the release with whatever assets were built. */
export function seedSampleRelease(state: DoubleState, assets: AssetInput[] = []): void {
  const [owner, name] = SAMPLE_REPO.split('/') as [string, string];
  state.createRepo(owner, name, { 'README.md': '# Sample Tool\n\nA tiny tool for Wingsmith demos.\n' }, 'main');
  state.setRepoMeta(SAMPLE_REPO, {
    description: 'A tiny tool for Wingsmith demos',
    homepage: 'https://example.com/sample-tool',
    topics: ['windows', 'cli', 'sample'],
    hasIssues: true,
    license: { spdxId: 'MIT', text: MIT },
  });
  state.addRelease(owner, name, { tag: SAMPLE_TAG, name: `Sample Tool ${SAMPLE_TAG.slice(1)}`, body: NOTES, publishedAt: '2024-05-14T09:30:00Z', assets });
}

/**
 * Real installers for the sample release, built by test/installers/build.ts (wixl, makensis, mingw-w64), plus a
 * portable zip and an MSIX. Building needs Debian tools; when one is missing the release goes without them and `problem` says why.
 */
export async function buildSampleInstallers(): Promise<{ assets: AssetInput[]; problem?: string }> {
  try {
    const built = buildInstallers();
    const version = SAMPLE_TAG.slice(1);
    const exe = readFileSync(built.peX64);
    return {
      assets: [
        { name: `sample-tool-${version}-x64.msi`, data: readFileSync(built.msiX64) },
        { name: `sample-tool-${version}-x86.msi`, data: readFileSync(built.msiX86Wix) },
        { name: `sample-tool-${version}-setup.exe`, data: readFileSync(built.nsis) },
        { name: `sample-tool-${version}-x64.exe`, data: exe },
        { name: `sample-tool-${version}-x64-portable.zip`, data: Buffer.from(zipSync({ 'sample-tool.exe': new Uint8Array(exe) })) },
        // Packaged in JavaScript (test/installers/msix-fixtures.ts): Debian has no MSIX tooling.
        { name: `sample-tool-${version}-x64.msix`, data: Buffer.from(buildMsix()) },
      ],
    };
  } catch (error) {
    return { assets: [], problem: error instanceof Error ? error.message : String(error) };
  }
}
