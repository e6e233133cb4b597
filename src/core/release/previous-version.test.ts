import { describe, expect, it } from 'vitest';
import { exampleManifests } from '../../../test/shared-paths';
import { prepareNextVersion } from '../model/next-version';
import type { ManifestSet } from '../model/types';
import { previousVersionOf } from './previous-version';
import { setFromFiles } from './test-support';

const example = (folder: string): ManifestSet => setFromFiles(exampleManifests().find((e) => e.folder === folder)!.files);

describe('previousVersionOf', () => {
  it('reads the version from the release tag of the installers (v prefix dropped)', () => {
    const fzf = example('manifests/j/junegunn/fzf/0.56.3');
    expect(previousVersionOf(fzf)).toBe('0.56.3');
    const draft = prepareNextVersion(fzf, { manifestVersion: '1.12.0' }).set;
    expect(draft.version.PackageVersion).toBe('');
    expect(previousVersionOf(draft)).toBe('0.56.3');
    expect(previousVersionOf(example('manifests/o/OBSProject/OBSStudio/27.1.2'))).toBe('27.1.2');
  });

  it('is undefined without release URLs, or when they disagree', () => {
    expect(previousVersionOf(example('manifests/g/Google/Chrome/EXE/124.0.6367.119'))).toBeUndefined();
    const fzf = example('manifests/j/junegunn/fzf/0.56.3');
    const installers = (fzf.installer as unknown as { Installers: { InstallerUrl: string }[] }).Installers;
    installers[1]!.InstallerUrl = installers[1]!.InstallerUrl.replace('/v0.56.3/', '/v0.56.2/');
    expect(previousVersionOf(fzf)).toBeUndefined();
  });
});
