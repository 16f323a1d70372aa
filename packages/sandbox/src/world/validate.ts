import type { ZodIssue } from 'zod';
import { expandHistory } from './expandHistory';
import { worldSchema } from './schema';
import { releasesOf, type World } from './types';

/** One problem found in a world file. @public */
export interface WorldIssue {
  /** e.g. `services[0].builds[2].result` */
  path: string;
  message: string;
}

/** Thrown when a world file is invalid; `message` lists every issue, one per line. @public */
export class WorldValidationError extends Error {
  readonly issues: WorldIssue[];
  constructor(issues: WorldIssue[], source?: string) {
    super(
      `Invalid sandbox world${source ? ` ${source}` : ''}:\n${issues
        .map(i => `  ${i.path}: ${i.message}`)
        .join('\n')}`,
    );
    this.name = 'WorldValidationError';
    this.issues = issues;
  }
}

/** Formats a path like `services[0].builds[2].result`. */
export function formatPath(path: Array<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out || '(root)';
}

function issueMessage(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_enum_value':
      return `expected one of ${issue.options.join('|')} (got ${JSON.stringify(
        issue.received,
      )})`;
    case 'invalid_type':
      return issue.received === 'undefined'
        ? `required (${issue.expected})`
        : `expected ${issue.expected}, got ${issue.received}`;
    case 'unrecognized_keys':
      return `unknown key(s) ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

function crossCheck(world: World): WorldIssue[] {
  const issues: WorldIssue[] = [];
  const add = (path: Array<string | number>, message: string) =>
    issues.push({ path: formatPath(path), message });
  const releases = new Set<string>();
  const names = new Set<string>();
  world.services.forEach((s, si) => {
    if (names.has(s.name))
      add(['services', si, 'name'], `duplicate service ${s.name}`);
    names.add(s.name);
    if (s.aliases && s.release)
      add(['services', si, 'aliases'], 'use either release or aliases');
    for (const r of releasesOf(s)) {
      if (releases.has(r))
        add(
          ['services', si, s.aliases ? 'aliases' : 'release'],
          `duplicate release ${r}`,
        );
      releases.add(r);
    }
    const ids = new Set<string>();
    const addIds = (
      commits: Array<{ id: string }>,
      base: Array<string | number>,
    ) =>
      commits.forEach((c, ci) => {
        if (ids.has(c.id))
          add([...base, ci, 'id'], `duplicate commit id ${c.id}`);
        ids.add(c.id);
      });
    addIds(s.commits, ['services', si, 'commits']);
    s.branches.forEach((b, bi) =>
      addIds(b.commits, ['services', si, 'branches', bi, 'commits']),
    );
    const checkBuilds = (
      builds: World['services'][number]['builds'],
      base: Array<string | number>,
    ) => {
      const numbers = new Set<number>();
      builds.forEach((b, bi) => {
        if (numbers.has(b.number))
          add([...base, bi, 'number'], `duplicate build number ${b.number}`);
        numbers.add(b.number);
        if (!ids.has(b.commit))
          add([...base, bi, 'commit'], `unknown commit id ${b.commit}`);
      });
    };
    checkBuilds(s.builds, ['services', si, 'builds']);
    s.artifacts.forEach((a, ai) => {
      if (a.commit && !ids.has(a.commit))
        add(
          ['services', si, 'artifacts', ai, 'commit'],
          `unknown commit id ${a.commit}`,
        );
    });
    s.branches.forEach((b, bi) => {
      checkBuilds(b.builds, ['services', si, 'branches', bi, 'builds']);
      if (s.job.type === 'pipeline')
        add(
          ['services', si, 'branches', bi],
          'branches need job.type multibranch',
        );
    });
  });
  world.environments.forEach((e, ei) => {
    const ids = new Set(e.commits.map(c => c.id));
    e.commits.forEach((c, ci) =>
      Object.keys({ ...c.pins, ...c.valuesTags }).forEach(r => {
        if (!releases.has(r))
          add(
            ['environments', ei, 'commits', ci, 'pins', r],
            `unknown release ${r}`,
          );
      }),
    );
    e.commits.forEach((c, ci) => {
      if (!c.pull) return;
      if (!c.pull.branch && Object.keys(c.pins).length !== 1)
        add(
          ['environments', ei, 'commits', ci, 'pull', 'branch'],
          'required when the commit does not change exactly one pin',
        );
      if (c.pull.openedAt && Date.parse(c.pull.openedAt) > Date.parse(c.date))
        add(
          ['environments', ei, 'commits', ci, 'pull', 'openedAt'],
          `after the merge (${c.date})`,
        );
      if (ci === 0)
        add(
          ['environments', ei, 'commits', ci, 'pull'],
          'the first commit creates the branch: it cannot be a merge',
        );
    });
    const numbers = new Set<number>();
    e.deploys.forEach((d, di) => {
      if (!ids.has(d.commit))
        add(
          ['environments', ei, 'deploys', di, 'commit'],
          `unknown config commit id ${d.commit}`,
        );
      if (numbers.has(d.number))
        add(
          ['environments', ei, 'deploys', di, 'number'],
          `duplicate build number ${d.number}`,
        );
      numbers.add(d.number);
    });
    e.pulls.forEach((p, pi) => {
      if (!releases.has(p.release))
        add(
          ['environments', ei, 'pulls', pi, 'release'],
          `unknown release ${p.release}`,
        );
    });
    e.drift.forEach((d, di) => {
      if (!releases.has(d.deployment))
        add(
          ['environments', ei, 'drift', di, 'deployment'],
          `unknown deployment ${d.deployment}`,
        );
    });
  });
  return issues;
}

/**
 * Validates a parsed world (schema + cross references) and applies defaults.
 * @public
 */
export function validateWorld(input: unknown, source?: string): World {
  const parsed = worldSchema.safeParse(input);
  if (!parsed.success) {
    throw new WorldValidationError(
      parsed.error.issues.map(i => ({
        path: formatPath(i.path),
        message: issueMessage(i),
      })),
      source,
    );
  }
  const world = expandHistory(parsed.data);
  const issues = crossCheck(world);
  if (issues.length) throw new WorldValidationError(issues, source);
  return world;
}
