/**
 * A GitHub release applied to a draft: the values that belong to this release (version, date, notes,
 * installer downloads) replace the draft's, and for a new package the repository's details fill what is still
 * empty. What was set and what was deliberately left alone are both reported, for the dialog to show.
 */
import { applyInstallerRows, installerFamily } from '../model/installer-matching';
import type { NewInstallerRow } from '../model/installer-matching';
import { clone, deepEqual, expandInstallers, isEmptyValue } from '../model/installers';
import type { ManifestSet } from '../model/types';
import type { Installer } from '../schema';
import type { AssetRow } from './asset-mapping';
import { traitsOfFileName } from './assets';
import { suggestedIdentifier } from './identifier';
import { releaseNotesFromBody } from './release-notes';
import { repositoryFields } from './repository-fields';
import { releaseDateOf, versionFromTag } from './tag-version';
import type { ReleaseAsset, ReleaseInfo, RepositoryInfo } from './types';

type Obj = Record<string, unknown>;

export interface ApplyReleaseInput {
  release: ReleaseInfo;
  /** 'new-package' also takes identity and descriptions from the repository. */
  mode: 'new-version' | 'new-package';
  repository?: RepositoryInfo;
  /** The installers to write: an automatic mapping, or the one the user confirmed. Empty keeps the installers. */
  rows: readonly AssetRow[];
}

export interface FilledField {
  file: 'version' | 'installer' | 'defaultLocale';
  /** Field path such as `ReleaseNotes` or `Installers[0].InstallerUrl`. */
  field: string;
  value: string;
}

export interface KeptField {
  field: string;
  reason: string;
}

export interface AppliedRelease {
  set: ManifestSet;
  /** Values that changed (PackageVersion and PackageIdentifier listed once, for the version file). */
  filled: FilledField[];
  kept: KeptField[];
}

/** Values the user chose for the package: a repository's guess never replaces them. */
const NEVER_OVERWRITTEN = new Set(['License', 'Publisher', 'PackageName']);

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function files(set: ManifestSet): Obj[] {
  return [set.version as Obj, set.installer as Obj, set.defaultLocale as Obj, ...(set.locales as Obj[])];
}

function shown(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}

/**
 * The row applyInstallerRows takes for an asset. The file name's architecture wins over the previous
 * installer's; its family only when it differs in kind, since a portable installer is an `.exe` too and must
 * stay portable; its scope only when the previous installer has none (two rows of one exe differ by scope).
 */
function rowFor(asset: ReleaseAsset, base: Installer | undefined): NewInstallerRow {
  const traits = traitsOfFileName(asset.name);
  const previous = base as unknown as Obj | undefined;
  const row: NewInstallerRow = { url: asset.browserDownloadUrl };
  if (traits.architecture) row.architecture = traits.architecture;
  const portableExe = traits.family === 'exe' && installerFamily(previous?.InstallerType) === 'portable';
  if (traits.family && !portableExe) row.family = traits.family;
  if (traits.scope && isEmptyValue(previous?.Scope)) row.scope = traits.scope;
  return row;
}

class Application {
  readonly filled: FilledField[] = [];
  readonly kept: KeptField[] = [];
  set: ManifestSet;

  constructor(
    private readonly before: ManifestSet,
    private readonly input: ApplyReleaseInput,
  ) {
    this.set = clone(before);
  }

  private fill(file: FilledField['file'], field: string, before: unknown, value: string | string[]): void {
    if (!deepEqual(before, value)) this.filled.push({ file, field, value: shown(value) });
  }

  installers(): void {
    const { rows } = this.input;
    if (rows.length === 0) {
      this.kept.push({ field: 'Installers', reason: 'no release asset was chosen, so the installers are left as they are' });
      return;
    }
    const previous = expandInstallers(this.before.installer);
    const mapping = rows.map((row) => (row.previous !== undefined && row.previous < previous.length ? row.previous : undefined));
    const newRows = rows.map((row, i) => rowFor(row.asset, mapping[i] === undefined ? undefined : previous[mapping[i]!]));
    this.set = applyInstallerRows(this.set, previous, newRows, mapping);
    expandInstallers(this.set.installer).forEach((installer, i) => {
      const now = installer as unknown as Obj;
      const was = previous[i] as unknown as Obj | undefined;
      this.fill('installer', `Installers[${i}].InstallerUrl`, was?.InstallerUrl, String(now.InstallerUrl));
      this.fill('installer', `Installers[${i}].Architecture`, was?.Architecture, String(now.Architecture));
    });
  }

  identity(): void {
    const { release, mode, repository } = this.input;
    const version = versionFromTag(release.tag);
    const all = files(this.set);
    this.fill('version', 'PackageVersion', this.before.version.PackageVersion, version);
    for (const file of all) file.PackageVersion = version;
    const identifier = (this.before.version as Obj).PackageIdentifier;
    if (mode !== 'new-package' || !isEmptyValue(identifier)) return;
    const suggested = suggestedIdentifier(repository?.owner ?? release.owner, repository?.name ?? release.repo);
    this.fill('version', 'PackageIdentifier', identifier, suggested);
    for (const file of all) file.PackageIdentifier = suggested;
  }

  /** ReleaseDate at the root only: a per-installer date left from the previous build would override it. */
  releaseDate(): void {
    const root = this.set.installer as unknown as Obj;
    const wasDate = expandInstallers(this.before.installer).map((i) => (i as unknown as Obj).ReleaseDate).find((d) => !isEmptyValue(d));
    for (const item of Array.isArray(root.Installers) ? root.Installers : []) if (isObj(item)) delete item.ReleaseDate;
    const date = releaseDateOf(this.input.release.publishedAt);
    if (date === undefined) {
      // Another release's date would be wrong; none is the honest value for an unpublished (draft) release.
      delete root.ReleaseDate;
      this.kept.push({ field: 'ReleaseDate', reason: 'the release is not published yet, so it has no date' });
      return;
    }
    root.ReleaseDate = date;
    this.fill('installer', 'ReleaseDate', wasDate, date);
  }

  releaseNotes(): void {
    const { release } = this.input;
    const locale = this.set.defaultLocale as unknown as Obj;
    const before = this.before.defaultLocale as unknown as Obj;
    if (release.htmlUrl !== '') {
      locale.ReleaseNotesUrl = release.htmlUrl;
      this.fill('defaultLocale', 'ReleaseNotesUrl', before.ReleaseNotesUrl, release.htmlUrl);
    }
    const notes = releaseNotesFromBody(release.body);
    if (notes === '') delete locale.ReleaseNotes;
    else {
      locale.ReleaseNotes = notes;
      this.fill('defaultLocale', 'ReleaseNotes', before.ReleaseNotes, notes);
    }
    // Translations are the maintainers' own: flag them rather than drop or overwrite them.
    for (const other of this.set.locales as unknown as Obj[]) {
      for (const key of ['ReleaseNotes', 'ReleaseNotesUrl']) {
        if (!isEmptyValue(other[key])) {
          this.kept.push({ field: `${key} (${String(other.PackageLocale)})`, reason: 'other locales are left as they are: check it describes this release' });
        }
      }
    }
  }

  /** Repository details fill empty default-locale fields; values already there are kept and reported. */
  packageDetails(): void {
    const { repository, mode } = this.input;
    if (mode !== 'new-package' || !repository) return;
    const locale = this.set.defaultLocale as unknown as Obj;
    for (const { field, value } of repositoryFields(repository)) {
      const current = locale[field];
      if (isEmptyValue(current)) {
        locale[field] = value;
        this.fill('defaultLocale', field, current, value);
      } else if (!deepEqual(current, value)) {
        const why = NEVER_OVERWRITTEN.has(field) ? 'is never overwritten' : 'already has a value';
        this.kept.push({ field, reason: `${field} ${why} (${shown(current)}); the repository says ${shown(value)}` });
      }
    }
    const spdx = repository.license?.spdxId;
    if (isEmptyValue(locale.License) && (spdx === undefined || spdx === 'NOASSERTION')) {
      this.kept.push({ field: 'License', reason: 'GitHub did not identify the license: name it from the license file' });
    }
  }
}

/**
 * The set with the release applied: PackageVersion from the tag in every file; ReleaseDate (root, when
 * published); ReleaseNotesUrl and ReleaseNotes (plain text, within the schema limit; an empty body removes it)
 * in the default locale; one installer per row, each starting from the previous installer it continues, with
 * the asset's download URL and an empty hash to compute. For a new package also the identifier (when empty) and
 * the repository's details where the default locale has none. The input set is not changed.
 */
export function applyRelease(set: ManifestSet, input: ApplyReleaseInput): AppliedRelease {
  const application = new Application(set, input);
  application.installers();
  application.identity();
  application.releaseDate();
  application.releaseNotes();
  application.packageDetails();
  return { set: application.set, filled: application.filled, kept: application.kept };
}
