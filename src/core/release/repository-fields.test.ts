import { describe, expect, it } from 'vitest';
import { repositoryFields, shortDescriptionFrom, tagsFromTopics } from './repository-fields';
import type { RepositoryInfo } from './types';

const fzf: RepositoryInfo = {
  owner: 'junegunn',
  name: 'fzf',
  htmlUrl: 'https://github.com/junegunn/fzf',
  ownerHtmlUrl: 'https://github.com/junegunn',
  description: ':cherry_blossom: A command-line fuzzy finder',
  homepage: 'https://junegunn.github.io/fzf/',
  topics: ['bash', 'cli', 'fish', 'fzf', 'go', 'neovim', 'tmux', 'unix', 'vim', 'zsh'],
  license: { spdxId: 'MIT', htmlUrl: 'https://github.com/junegunn/fzf/blob/master/LICENSE' },
  hasIssues: true,
  private: false,
};

describe('repositoryFields', () => {
  it('gives the default-locale values in schema order', () => {
    expect(repositoryFields(fzf)).toEqual([
      { field: 'Publisher', value: 'junegunn' },
      { field: 'PublisherUrl', value: 'https://github.com/junegunn' },
      { field: 'PublisherSupportUrl', value: 'https://github.com/junegunn/fzf/issues' },
      { field: 'PackageName', value: 'fzf' },
      { field: 'PackageUrl', value: 'https://github.com/junegunn/fzf' },
      { field: 'License', value: 'MIT' },
      { field: 'LicenseUrl', value: 'https://github.com/junegunn/fzf/blob/master/LICENSE' },
      { field: 'ShortDescription', value: ':cherry_blossom: A command-line fuzzy finder' },
      { field: 'Tags', value: fzf.topics },
    ]);
  });

  it('leaves out what the schema would refuse or GitHub does not know', () => {
    const bare: RepositoryInfo = {
      ...fzf, owner: 'x', name: 'y', description: 'ab', topics: [], license: { spdxId: 'NOASSERTION', htmlUrl: 'https://github.com/x/y/blob/main/COPYING' }, hasIssues: false,
    };
    expect(repositoryFields(bare).map((f) => f.field)).toEqual(['PublisherUrl', 'PackageUrl', 'LicenseUrl']);
    const { license: _license, description: _description, ...noLicense } = fzf;
    expect(repositoryFields(noLicense).map((f) => f.field)).not.toContain('License');
  });
});

describe('shortDescriptionFrom', () => {
  it('makes one line within 256 characters, cut at a word', () => {
    expect(shortDescriptionFrom('  A fast\n  tool  ')).toBe('A fast tool');
    const long = `${'word '.repeat(80)}end`;
    const cut = shortDescriptionFrom(long);
    expect(cut.length).toBeLessThanOrEqual(256);
    expect(cut.endsWith('word…')).toBe(true);
    expect(shortDescriptionFrom('x'.repeat(300))).toBe(`${'x'.repeat(255)}…`);
  });
});

describe('tagsFromTopics', () => {
  it('keeps at most 16 valid, distinct, lower-case tags', () => {
    const topics = ['Editor', 'editor', 'a'.repeat(41), 'a'.repeat(40), '', ...Array.from({ length: 20 }, (_, i) => `topic-${i}`)];
    const tags = tagsFromTopics(topics);
    expect(tags).toHaveLength(16);
    expect(tags.slice(0, 3)).toEqual(['editor', 'a'.repeat(40), 'topic-0']);
    expect(tags.every((t) => t.length >= 1 && t.length <= 40 && t === t.toLowerCase())).toBe(true);
  });
});
