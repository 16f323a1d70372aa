import { createHash } from 'crypto';
import { deflateSync } from 'zlib';
import type { TreeEntry } from 'isomorphic-git';

/** Git's object encoding (the same bytes `git hash-object` hashes), done synchronously. */

export type GitObjectType = 'blob' | 'tree' | 'commit' | 'tag';

export interface GitPerson {
  name: string;
  email: string;
  timestamp: number;
  timezoneOffset: number;
}

export interface CommitFields {
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
}

/** `<type> <size>\0<body>` -> sha1 and the zlib-deflated loose-object bytes. */
export function encodeObject(
  type: GitObjectType,
  body: Buffer,
): { sha: string; deflated: Buffer } {
  const wrapped = Buffer.concat([
    Buffer.from(`${type} ${body.length}\0`),
    body,
  ]);
  return {
    sha: createHash('sha1').update(wrapped).digest('hex'),
    deflated: deflateSync(wrapped),
  };
}

function entryType(mode: string): TreeEntry['type'] {
  if (mode === '40000' || mode === '040000') return 'tree';
  if (mode === '160000') return 'commit';
  return 'blob';
}

/** Git sorts tree entries by name, comparing directories as if they ended with '/'. */
function sortKey(e: TreeEntry): string {
  return e.type === 'tree' ? `${e.path}/` : e.path;
}

export function encodeTree(entries: TreeEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    if (ka === kb) return 0;
    return ka < kb ? -1 : 1;
  });
  return Buffer.concat(
    sorted.map(e =>
      Buffer.concat([
        Buffer.from(`${e.mode.replace(/^0+/, '')} ${e.path}\0`),
        Buffer.from(e.oid, 'hex'),
      ]),
    ),
  );
}

export function decodeTree(body: Buffer): TreeEntry[] {
  const out: TreeEntry[] = [];
  let i = 0;
  while (i < body.length) {
    const space = body.indexOf(0x20, i);
    const nul = body.indexOf(0, space);
    const mode = body.subarray(i, space).toString('utf8').padStart(6, '0');
    const path = body.subarray(space + 1, nul).toString('utf8');
    const oid = body.subarray(nul + 1, nul + 21).toString('hex');
    out.push({ mode, path, oid, type: entryType(mode) });
    i = nul + 21;
  }
  return out;
}

function formatPerson(p: GitPerson): string {
  const minutes = Math.abs(p.timezoneOffset);
  const sign = p.timezoneOffset > 0 ? '-' : '+';
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${p.name} <${p.email}> ${p.timestamp} ${sign}${hh}${mm}`;
}

function parsePerson(value: string): GitPerson {
  const m = /^(.*) <(.*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(value);
  if (!m) return { name: value, email: '', timestamp: 0, timezoneOffset: 0 };
  const minutes = Number(m[5]) * 60 + Number(m[6]);
  return {
    name: m[1],
    email: m[2],
    timestamp: Number(m[3]),
    timezoneOffset: minutes === 0 ? 0 : (m[4] === '+' ? -1 : 1) * minutes,
  };
}

export function encodeCommit(c: CommitFields): Buffer {
  const headers = [
    `tree ${c.tree}`,
    ...c.parents.map(p => `parent ${p}`),
    `author ${formatPerson(c.author)}`,
    `committer ${formatPerson(c.committer)}`,
  ];
  return Buffer.from(`${headers.join('\n')}\n\n${c.message}`, 'utf8');
}

export function decodeCommit(body: Buffer): CommitFields {
  const text = body.toString('utf8');
  const split = text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const fields: CommitFields = {
    tree: '',
    parents: [],
    message: split < 0 ? '' : text.slice(split + 2),
    author: parsePerson(''),
    committer: parsePerson(''),
  };
  for (const line of head.split('\n')) {
    if (line.startsWith(' ')) continue; // continuation (e.g. gpgsig)
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') fields.tree = value;
    else if (key === 'parent') fields.parents.push(value);
    else if (key === 'author') fields.author = parsePerson(value);
    else if (key === 'committer') fields.committer = parsePerson(value);
  }
  return fields;
}

/** An annotated tag object (`git tag -a`). */
export interface TagFields {
  /** Sha of the tagged object. */
  object: string;
  type: GitObjectType;
  tag: string;
  tagger: GitPerson;
  message: string;
}

export function encodeTag(t: TagFields): Buffer {
  return Buffer.from(
    `object ${t.object}\ntype ${t.type}\ntag ${t.tag}\ntagger ${formatPerson(
      t.tagger,
    )}\n\n${t.message}`,
    'utf8',
  );
}

export function decodeTag(body: Buffer): TagFields {
  const text = body.toString('utf8');
  const split = text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const fields: TagFields = {
    object: '',
    type: 'commit',
    tag: '',
    tagger: parsePerson(''),
    message: split < 0 ? '' : text.slice(split + 2),
  };
  for (const line of head.split('\n')) {
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'object') fields.object = value;
    else if (key === 'type') fields.type = value as GitObjectType;
    else if (key === 'tag') fields.tag = value;
    else if (key === 'tagger') fields.tagger = parsePerson(value);
  }
  return fields;
}
