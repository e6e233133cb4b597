import { describe, expect, it } from 'vitest';
import { DEFAULT_MANIFEST_VERSION } from '../manifest-version';
import { manifestSchema } from '../schema';
import { suggestedIdentifier } from './identifier';

const identifierSchema = manifestSchema('version', DEFAULT_MANIFEST_VERSION).shape.PackageIdentifier;
const valid = (id: string): boolean => identifierSchema.safeParse(id).success;

describe('suggestedIdentifier', () => {
  it('is Owner.Repo as GitHub spells them', () => {
    expect(suggestedIdentifier('junegunn', 'fzf')).toBe('junegunn.fzf');
    expect(suggestedIdentifier('BurntSushi', 'ripgrep')).toBe('BurntSushi.ripgrep');
    expect(suggestedIdentifier('obsidianmd', 'obsidian-releases')).toBe('obsidianmd.obsidian-releases');
  });

  it('makes each part one valid segment', () => {
    expect(suggestedIdentifier('socketio', 'socket.io')).toBe('socketio.socket-io');
    expect(suggestedIdentifier('octo-org', '.github')).toBe('octo-org.github');
    expect(suggestedIdentifier('a', 'x'.repeat(100))).toBe(`a.${'x'.repeat(32)}`);
    expect(suggestedIdentifier('some-very-long-organisation-name-here', 'tool')).toBe('some-very-long-organisation-name.tool');
    expect(suggestedIdentifier('owner', '...')).toBe('owner.Package');
  });

  it('always passes the schema pattern', () => {
    for (const [owner, repo] of [['junegunn', 'fzf'], ['socketio', 'socket.io'], ['a', 'b'], ['x'.repeat(39), 'y_z.w'.repeat(20)], ['owner', '...']]) {
      const id = suggestedIdentifier(owner!, repo!);
      expect(valid(id), id).toBe(true);
    }
  });
});
