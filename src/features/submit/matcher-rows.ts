/** The matcher's rows: the new version's installers as the user lines them up against the previous version's. */
import { installerTraits, matchInstallers, traitsFromUrl } from '../../core/model/installer-matching';
import type { InstallerTraits, NewInstallerRow } from '../../core/model/installer-matching';
import type { Installer } from '../../core/schema';

export type RowChoice = 'auto' | 'none' | number;

export interface MatcherRow extends NewInstallerRow {
  key: string;
  /** The installer of the draft this row shows, while its URL is unchanged. */
  source?: number;
  choice: RowChoice;
}

let nextKey = 0;
export const rowKey = (): string => `row-${++nextKey}`;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** One row per installer of the draft, as it stands. */
export function rowsFromDraft(current: readonly Installer[]): MatcherRow[] {
  return current.map((installer, index) => {
    const obj = installer as unknown as Record<string, unknown>;
    const sha256 = text(obj.InstallerSha256);
    return {
      key: rowKey(),
      url: text(obj.InstallerUrl),
      ...(sha256 ? { sha256 } : {}),
      ...installerTraits(installer),
      source: index,
      choice: 'auto',
    };
  });
}

/** A row's traits after its URL changed: what the new file name says wins over what the row had. */
export function withUrl(row: MatcherRow, url: string): MatcherRow {
  const { source: _source, sha256: _sha, ...rest } = row;
  const fromUrl: InstallerTraits = traitsFromUrl(url);
  return { ...rest, ...fromUrl, url };
}

/**
 * Which previous installer each row continues: the one with the same URL (an untouched row), else the best
 * match by traits, unless the user chose.
 */
export function effectiveMapping(rows: readonly MatcherRow[], previous: readonly Installer[]): (number | undefined)[] {
  const previousTraits = previous.map(installerTraits);
  const auto = matchInstallers(rows, previousTraits);
  const urls = previous.map((p) => text((p as unknown as Record<string, unknown>).InstallerUrl));
  return rows.map((row, i) => {
    if (row.choice === 'none') return undefined;
    if (typeof row.choice === 'number') return row.choice;
    const same = urls.indexOf(row.url);
    return same >= 0 ? same : auto[i];
  });
}

export function describeTraits(traits: InstallerTraits): string {
  return [traits.architecture, traits.family, traits.scope, traits.locale].filter(Boolean).join(' · ') || 'nothing known yet';
}
