import semver from 'semver';
import {
  ChartArtifact,
  CodeBuild,
  DeployRun,
  EnvironmentView,
  ImageArtifact,
  normalizeVersion,
  VersionLineage,
  VersionLinks,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { ArtifactCommit } from './versions/artifactCommits';

/** Most versions in one view. */
const MAX_VERSIONS = 100;

/** Everything the lineage is joined from. */
export interface LineageInputs {
  builds: CodeBuild[];
  images: ImageArtifact[];
  charts: ChartArtifact[];
  environments: EnvironmentView[];
  deploys: DeployRun[];
  /** Commits of versions that have no build left (by tag or image label). */
  artifactCommits?: Map<string, ArtifactCommit>;
  /** Moving tags (`latest`, ...): never versions. */
  isMovingTag?: (tag: string) => boolean;
}

/** A version by our rules: SemVer, with or without `v`, or dotted numbers. */
export function isVersionLike(tag: string): boolean {
  const n = normalizeVersion(tag);
  return (
    semver.valid(n) !== null || /^\d+(\.\d+){0,3}([-+][0-9A-Za-z.-]+)?$/.test(n)
  );
}

interface Entry {
  names: string[];
  chart?: ChartArtifact;
  image?: ImageArtifact;
  build?: CodeBuild;
}

const time = (s?: string) => (s ? Date.parse(s) || 0 : 0);

/** Builds newest first; a successful build wins over a failed one of the same version. */
function pickBuild(
  current: CodeBuild | undefined,
  candidate: CodeBuild,
): CodeBuild {
  if (!current) return candidate;
  const ok = (b: CodeBuild) => (b.result === 'SUCCESS' ? 1 : 0);
  if (ok(candidate) !== ok(current))
    return ok(candidate) > ok(current) ? candidate : current;
  return candidate.number > current.number ? candidate : current;
}

/**
 * Orders versions newest first: semver versions by semver (descending),
 * non-semver versions by time, merged so a non-semver version sits before the
 * first semver version older than it. Nothing is dropped.
 */
export function orderVersions<T extends { normalized: string; time: number }>(
  items: T[],
): T[] {
  const isSemver = (v: string) => semver.valid(v) !== null;
  const sem = items
    .filter(i => isSemver(i.normalized))
    .sort((a, b) => semver.rcompare(a.normalized, b.normalized));
  const other = items
    .filter(i => !isSemver(i.normalized))
    .sort((a, b) => b.time - a.time);
  const out: T[] = [];
  let j = 0;
  for (const s of sem) {
    while (j < other.length && other[j].time >= s.time && other[j].time > 0)
      out.push(other[j++]);
    out.push(s);
  }
  return out.concat(other.slice(j));
}

/**
 * Joins, per version (matched without a leading `v`): the chart
 * (ChartMuseum version), the image (Nexus tag = chart version), the code
 * build whose version it is (and so its commit), then for each environment
 * whether it is pinned, running, and which deploy run rolled it out.
 */
export function buildLineage(input: LineageInputs): VersionLineage[] {
  const moving = input.isMovingTag ?? (() => false);
  const known = new Set(
    [
      ...input.charts.map(c => c.version),
      ...input.builds.map(b => b.version),
      ...input.environments.flatMap(e => [e.pinnedVersion, e.runningVersion]),
    ]
      .filter((v): v is string => Boolean(v))
      .map(normalizeVersion),
  );
  /** Moving tags and tags that are neither versions nor known versions (`sha-1be9c18`, `dev`). */
  const isVersionTag = (tag: string) =>
    !moving(tag) && (isVersionLike(tag) || known.has(normalizeVersion(tag)));
  const entries = new Map<string, Entry>();
  const entry = (version: string | undefined) => {
    if (!version) return undefined;
    const key = normalizeVersion(version);
    let e = entries.get(key);
    if (!e) entries.set(key, (e = { names: [] }));
    e.names.push(version);
    return e;
  };
  for (const c of input.charts) {
    if (moving(c.version)) continue;
    const e = entry(c.version)!;
    if (!e.chart || time(c.createdAt) > time(e.chart.createdAt)) e.chart = c;
  }
  for (const i of input.images) {
    if (!isVersionTag(i.tag)) continue;
    const e = entry(i.tag)!;
    if (!e.image || time(i.pushedAt) > time(e.image.pushedAt)) e.image = i;
  }
  for (const b of input.builds) {
    const e = entry(b.version);
    if (e) e.build = pickBuild(e.build, b);
  }
  for (const env of input.environments) {
    entry(env.pinnedVersion);
    entry(env.runningVersion);
  }
  for (const d of input.deploys) entry(d.version);

  const items = [...entries.entries()].map(([normalized, e]) => ({
    normalized,
    e,
    time:
      time(e.chart?.createdAt) ||
      time(e.image?.pushedAt) ||
      time(e.build?.startedAt),
  }));
  return orderVersions(items)
    .slice(0, MAX_VERSIONS)
    .map(({ normalized, e }) => {
      const version =
        e.chart?.version ?? e.image?.tag ?? e.build?.version ?? e.names[0];
      const artifact = e.build?.commit
        ? undefined
        : input.artifactCommits?.get(normalized);
      const links: VersionLinks = {};
      if (e.build?.versionVia) links.build = e.build.versionVia;
      if (e.build?.commit && e.build.commitVia)
        links.commit = e.build.commitVia;
      else if (artifact) links.commit = artifact.via;
      if (e.image)
        links.image = {
          via: 'sameVersion',
          detail: `image tag ${e.image.tag} is version ${version}`,
        };
      if (e.chart)
        links.chart = {
          via: 'sameVersion',
          detail: `chart ${e.chart.name} version ${e.chart.version} is version ${version}`,
        };
      const lineage: VersionLineage = {
        version,
        normalized,
        commit: e.build?.commit ?? artifact?.commit,
        links,
        build: e.build
          ? {
              number: e.build.number,
              url: e.build.url,
              result: e.build.result,
              startedAt: e.build.startedAt,
            }
          : undefined,
        image: e.image,
        chart: e.chart,
        environments: input.environments.map(env => {
          const runs = input.deploys.filter(
            d =>
              d.environment === env.name &&
              d.version !== undefined &&
              normalizeVersion(d.version) === normalized,
          );
          const by = runs.find(d => d.result === 'SUCCESS') ?? runs[0];
          return {
            environment: env.name,
            pinned:
              env.pinnedVersion !== undefined &&
              normalizeVersion(env.pinnedVersion) === normalized,
            running:
              env.runningVersion !== undefined &&
              normalizeVersion(env.runningVersion) === normalized,
            deployedBy: by
              ? { number: by.number, url: by.url, result: by.result }
              : undefined,
            deployedByVia: by
              ? {
                  via: 'configCommit',
                  detail: `run #${by.number} deployed config commit ${
                    by.configCommit?.shortSha ?? '?'
                  }, which pins ${by.version}`,
                }
              : undefined,
          };
        }),
      };
      return lineage;
    });
}
