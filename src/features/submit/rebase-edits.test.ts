import { describe, expect, it } from 'vitest';
import { rebaseEdits } from './rebase-edits';

const f = (path: string, text: string) => ({ path, text });

describe('re-applying edits onto a moved branch', () => {
  it('keeps my edits, takes theirs where I changed nothing, and names files we both changed', () => {
    const base = [f('a.yaml', 'a0'), f('b.yaml', 'b0'), f('c.yaml', 'c0'), f('gone.yaml', 'g0')];
    const mine = [f('a.yaml', 'a-mine'), f('b.yaml', 'b0'), f('c.yaml', 'c-mine'), f('gone.yaml', 'g0'), f('new.yaml', 'n')];
    const theirs = [f('a.yaml', 'a0'), f('b.yaml', 'b-theirs'), f('c.yaml', 'c-theirs')];
    expect(rebaseEdits(base, mine, theirs)).toEqual({
      files: [f('a.yaml', 'a-mine'), f('b.yaml', 'b-theirs'), f('c.yaml', 'c-mine'), f('new.yaml', 'n')],
      bothChanged: ['c.yaml'],
      theirs: ['b.yaml', 'gone.yaml'],
    });
  });
});
