import git from 'isomorphic-git';
import { createMemoryFs } from './memfs';
import {
  decodeCommit,
  decodeTree,
  encodeCommit,
  encodeObject,
  encodeTree,
} from './objectCodec';
import { GitRepo } from './gitRepo';

const who = {
  name: 'A U Thor',
  email: 'author@example.com',
  timestamp: 1700000000,
  timezoneOffset: 0,
};

describe('git object encoding', () => {
  it('hashes like git (well-known shas)', () => {
    expect(encodeObject('blob', Buffer.from('hello\n')).sha).toBe(
      'ce013625030ba8dba906f756967f9e9ca394464a',
    );
    expect(encodeObject('tree', encodeTree([])).sha).toBe(
      '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    );
  });

  it('produces the same tree and commit shas as isomorphic-git, and round-trips', async () => {
    const fs = createMemoryFs();
    const gitdir = '/check.git';
    await git.init({ fs, gitdir, bare: true });
    const blob = await git.writeBlob({ fs, gitdir, blob: Buffer.from('x\n') });
    const entries = [
      { mode: '100644', path: 'b.txt', oid: blob, type: 'blob' as const },
      {
        mode: '040000',
        path: 'a',
        oid: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
        type: 'tree' as const,
      },
      { mode: '100755', path: 'a.sh', oid: blob, type: 'blob' as const },
    ];
    const tree = await git.writeTree({ fs, gitdir, tree: entries });
    expect(encodeObject('tree', encodeTree(entries)).sha).toBe(tree);
    expect(decodeTree(encodeTree(entries)).map(e => e.path)).toEqual([
      'a.sh',
      'a',
      'b.txt',
    ]);

    const commit = {
      tree,
      parents: [],
      message: 'subject\n\nbody\n',
      author: who,
      committer: { ...who, timezoneOffset: -120 },
    };
    const sha = await git.writeCommit({
      fs,
      gitdir,
      commit: { ...commit, parent: commit.parents },
    });
    expect(encodeObject('commit', encodeCommit(commit)).sha).toBe(sha);
    expect(decodeCommit(encodeCommit(commit))).toEqual(commit);
  });
});

describe('GitRepo history', () => {
  it('walks ancestry, merge bases and path history across merges', async () => {
    const repo = await GitRepo.create('main');
    const at = (t: number) => ({ ...who, timestamp: 1700000000 + t });
    const commit = async (
      parents: string[],
      files: Record<string, string>,
      t: number,
    ) => {
      const base = parents[0]
        ? (await repo.readCommit(parents[0]))!.tree
        : undefined;
      const changes = new Map<string, { oid: string; mode: string }>();
      for (const [p, c] of Object.entries(files))
        changes.set(p, {
          oid: await repo.writeBlob(Buffer.from(c)),
          mode: '100644',
        });
      const tree = await repo.applyChanges(base, changes);
      return repo.writeCommit({
        tree,
        parents,
        message: `t${t}`,
        author: at(t),
        committer: at(t),
      });
    };
    const root = await commit([], { 'a.txt': '1' }, 0);
    const left = await commit([root], { 'b.txt': '1' }, 10);
    const right = await commit([root], { 'a.txt': '2' }, 5);
    const merge = await commit([left, right], { 'a.txt': '2' }, 20);
    expect(await repo.isAncestor(root, merge)).toBe(true);
    expect(await repo.isAncestor(left, right)).toBe(false);
    expect(await repo.mergeBase(left, right)).toBe(root);
    expect(await repo.mergeBase(merge, right)).toBe(right);
    expect((await repo.log(merge)).map(c => c.message)).toEqual([
      't20',
      't10',
      't5',
      't0',
    ]);
    // `git log -- a.txt`: the merge took a.txt from `right` (TREESAME to that parent), so it is
    // left out and the change is right's (git's default history simplification).
    expect((await repo.log(merge, 'a.txt')).map(c => c.message)).toEqual([
      't5',
      't0',
    ]);
    // A merge that changed the path against every parent (a conflict resolution) is listed.
    const both = await commit([merge, left], { 'a.txt': '3' }, 30);
    expect((await repo.log(both, 'a.txt')).map(c => c.message)).toEqual([
      't30',
      't5',
      't0',
    ]);
  });
});
