import { createHash } from 'node:crypto';

/** Content-addressed objects of one fork network; every repository of the network shares one store, as on GitHub. */
export interface StoredTreeEntry {
  name: string;
  mode: string;
  type: 'blob' | 'tree';
  sha: string;
}

export interface StoredCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
}

export interface FlatEntry {
  mode: string;
  sha: string;
}

function objectSha(kind: string, body: Buffer): string {
  return createHash('sha1').update(Buffer.concat([Buffer.from(`${kind} ${body.length}\0`), body])).digest('hex');
}

export class GitStore {
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, StoredTreeEntry[]>();
  readonly commits = new Map<string, StoredCommit>();

  putBlob(content: Buffer): string {
    const sha = objectSha('blob', content);
    this.blobs.set(sha, content);
    return sha;
  }

  putTree(entries: StoredTreeEntry[]): string {
    // git orders entries by name, a folder compared as if its name ended in '/'.
    const key = (e: StoredTreeEntry) => (e.type === 'tree' ? `${e.name}/` : e.name);
    const sorted = [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const body = Buffer.concat(
      sorted.flatMap((e) => [Buffer.from(`${e.type === 'tree' ? '40000' : e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')]),
    );
    const sha = objectSha('tree', body);
    this.trees.set(sha, sorted);
    return sha;
  }

  /** Whether `ancestor` is `sha` or in its history (what a fast-forward needs). */
  isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.pop()!;
      if (next === ancestor) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.commits.get(next)?.parents ?? []));
    }
    return false;
  }

  /** The nearest commit in both histories, which GitHub compares a pull request's head with. */
  mergeBase(a: string, b: string): string | undefined {
    const ofA = new Set<string>();
    for (const queue = [a]; queue.length > 0; ) {
      const next = queue.pop()!;
      if (ofA.has(next)) continue;
      ofA.add(next);
      queue.push(...(this.commits.get(next)?.parents ?? []));
    }
    const seen = new Set<string>();
    for (const queue = [b]; queue.length > 0; ) {
      const next = queue.shift()!;
      if (ofA.has(next)) return next;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.commits.get(next)?.parents ?? []));
    }
    return undefined;
  }

  putCommit(commit: Omit<StoredCommit, 'sha'>): StoredCommit {
    const seconds = Math.floor(Date.parse(commit.author.date) / 1000);
    const who = `${commit.author.name} <${commit.author.email}> ${seconds} +0000`;
    const text = [`tree ${commit.tree}`, ...commit.parents.map((p) => `parent ${p}`), `author ${who}`, `committer ${who}`, '', commit.message].join('\n');
    const sha = objectSha('commit', Buffer.from(text));
    const stored = { ...commit, sha };
    this.commits.set(sha, stored);
    return stored;
  }

  /** Every blob under a tree, by path. */
  flatten(treeSha: string, prefix = '', out = new Map<string, FlatEntry>()): Map<string, FlatEntry> {
    for (const e of this.trees.get(treeSha) ?? []) {
      const path = `${prefix}${e.name}`;
      if (e.type === 'tree') this.flatten(e.sha, `${path}/`, out);
      else out.set(path, { mode: e.mode, sha: e.sha });
    }
    return out;
  }

  /** Builds nested trees from blob paths; returns the root tree's sha. */
  build(files: Map<string, FlatEntry>): string {
    const children = new Map<string, Map<string, FlatEntry>>();
    const entries: StoredTreeEntry[] = [];
    for (const [path, entry] of files) {
      const slash = path.indexOf('/');
      if (slash < 0) {
        entries.push({ name: path, mode: entry.mode, type: 'blob', sha: entry.sha });
        continue;
      }
      const dir = path.slice(0, slash);
      if (!children.has(dir)) children.set(dir, new Map());
      children.get(dir)!.set(path.slice(slash + 1), entry);
    }
    for (const [dir, sub] of children) entries.push({ name: dir, mode: '040000', type: 'tree', sha: this.build(sub) });
    return this.putTree(entries);
  }

  /** A tree entry by path, or the root itself for ''. */
  lookup(treeSha: string, path: string): StoredTreeEntry | undefined {
    let current: StoredTreeEntry = { name: '', mode: '040000', type: 'tree', sha: treeSha };
    for (const part of path.split('/').filter((p) => p !== '')) {
      if (current.type !== 'tree') return undefined;
      const next = this.trees.get(current.sha)?.find((e) => e.name === part);
      if (!next) return undefined;
      current = next;
    }
    return current;
  }

  /** Tree entries as the API lists them: one level, or every level with full paths. */
  list(treeSha: string, recursive: boolean, prefix = ''): { path: string; mode: string; type: 'blob' | 'tree'; sha: string; size?: number }[] {
    const out: { path: string; mode: string; type: 'blob' | 'tree'; sha: string; size?: number }[] = [];
    for (const e of this.trees.get(treeSha) ?? []) {
      const path = `${prefix}${e.name}`;
      if (e.type === 'blob') out.push({ path, mode: e.mode, type: 'blob', sha: e.sha, size: this.blobs.get(e.sha)?.length ?? 0 });
      else {
        out.push({ path, mode: e.mode, type: 'tree', sha: e.sha });
        if (recursive) out.push(...this.list(e.sha, true, `${path}/`));
      }
    }
    return out;
  }
}
