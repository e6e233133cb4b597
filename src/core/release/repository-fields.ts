/**
 * The default-locale values a new package can take from its GitHub repository, each valid for the schema or
 * left out (the user then fills it): a one-letter owner is no Publisher (2 to 256 characters), an unidentified
 * license (`NOASSERTION`) is no License.
 */
import type { RepositoryInfo } from './types';

export interface RepositoryField {
  field: string;
  value: string | string[];
}

const SHORT_DESCRIPTION_MAX = 256;
const TAG_MAX = 40;
const TAGS_MAX = 16;

function withinLength(value: string, min: number, max: number): boolean {
  return value.length >= min && value.length <= max;
}

/** One line, cut at a word within the schema's 256 characters, with `…` when cut. */
export function shortDescriptionFrom(description: string): string {
  const line = description.replace(/\s+/g, ' ').trim();
  if (line.length <= SHORT_DESCRIPTION_MAX) return line;
  const room = line.slice(0, SHORT_DESCRIPTION_MAX - 1);
  const space = room.lastIndexOf(' ');
  // A word boundary unless it would throw most of the text away (one very long word).
  const cut = space > SHORT_DESCRIPTION_MAX / 2 ? room.slice(0, space) : room;
  return `${cut.trimEnd()}…`;
}

/** Topics as Tags: lower-case, 1 to 40 characters, no repeats, at most 16 (the schema's limits). */
export function tagsFromTopics(topics: readonly string[]): string[] {
  const tags: string[] = [];
  for (const topic of topics) {
    const tag = topic.trim().toLowerCase();
    // eslint-disable-next-line no-control-regex -- a tag with a control character fails the client's load checks
    if (!withinLength(tag, 1, TAG_MAX) || /[\u0000-\u001f\u007f]/.test(tag) || tags.includes(tag)) continue;
    tags.push(tag);
    if (tags.length === TAGS_MAX) break;
  }
  return tags;
}

/**
 * Publisher, PublisherUrl, PublisherSupportUrl, PackageName, PackageUrl, License, LicenseUrl, ShortDescription
 * and Tags, in the schema's order. PackageUrl is the repository page rather than the repository's `homepage`:
 * that field is free text (documentation, a personal site, often empty or stale), while the repository is
 * where this release and its installers come from and is always a valid https URL.
 */
export function repositoryFields(repository: RepositoryInfo): RepositoryField[] {
  const fields: RepositoryField[] = [];
  const add = (field: string, value: string | string[] | undefined): void => {
    if (value !== undefined && value.length > 0) fields.push({ field, value });
  };
  add('Publisher', withinLength(repository.owner, 2, 256) ? repository.owner : undefined);
  add('PublisherUrl', repository.ownerHtmlUrl);
  add('PublisherSupportUrl', repository.hasIssues ? `${repository.htmlUrl.replace(/\/+$/, '')}/issues` : undefined);
  add('PackageName', withinLength(repository.name, 2, 256) ? repository.name : undefined);
  add('PackageUrl', repository.htmlUrl);
  const spdx = repository.license?.spdxId.trim() ?? '';
  add('License', spdx !== 'NOASSERTION' && withinLength(spdx, 3, 512) ? spdx : undefined);
  add('LicenseUrl', repository.license?.htmlUrl);
  const description = shortDescriptionFrom(repository.description ?? '');
  add('ShortDescription', description.length >= 3 ? description : undefined);
  add('Tags', tagsFromTopics(repository.topics));
  return fields;
}
