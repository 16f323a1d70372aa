import crypto from 'node:crypto';
import semver from 'semver';

/** A chart version stored in ChartMuseum. */
export interface ChartRecord {
  name: string;
  version: string;
  description: string;
  apiVersion: 'v1' | 'v2';
  appVersion?: string;
  home?: string;
  keywords?: string[];
  maintainers?: Array<{ name: string; email?: string }>;
  /** ISO time of upload. */
  created: string;
  digest?: string;
}

/** The semver of a chart version (a leading `v` allowed, as Masterminds/semver does). */
export function chartSemver(version: string): string | null {
  return semver.valid(version.replace(/^v/, ''));
}

/**
 * Newest first, as Helm's index sorts entries: semver descending (ignoring a leading v), then
 * upload time; versions that are not semver (e.g. a moving `latest`) go last.
 */
export function compareChartsDesc(a: ChartRecord, b: ChartRecord): number {
  const va = chartSemver(a.version);
  const vb = chartSemver(b.version);
  if (va && vb && va !== vb) return semver.rcompare(va, vb);
  if (va && !vb) return -1;
  if (!va && vb) return 1;
  return b.created.localeCompare(a.created);
}

/**
 * What `GET /api/charts/<name>/latest` answers: ChartMuseum reads `latest` as "no constraint",
 * i.e. the newest stable semver version, even when a version literally named `latest` exists.
 */
export function newestStable(list: ChartRecord[]): ChartRecord | undefined {
  return list.find(c => {
    const v = chartSemver(c.version);
    return v !== null && semver.prerelease(v) === null;
  });
}

/** Charts of a ChartMuseum instance. @public */
export class ChartMuseumState {
  readonly charts = new Map<string, ChartRecord[]>();

  get(name: string, version: string): ChartRecord | undefined {
    return this.charts.get(name)?.find(c => c.version === version);
  }

  /** Adds a chart version; false if it already exists. */
  add(chart: ChartRecord): boolean {
    if (this.get(chart.name, chart.version)) return false;
    const digest =
      chart.digest ??
      crypto
        .createHash('sha256')
        .update(`${chart.name}-${chart.version}`)
        .digest('hex');
    const list = [...(this.charts.get(chart.name) ?? []), { ...chart, digest }];
    this.charts.set(chart.name, list.sort(compareChartsDesc));
    return true;
  }

  remove(name: string, version: string): boolean {
    const list = this.charts.get(name);
    const i = list?.findIndex(c => c.version === version) ?? -1;
    if (!list || i < 0) return false;
    list.splice(i, 1);
    if (!list.length) this.charts.delete(name);
    return true;
  }
}

/** The ChartVersion JSON ChartMuseum returns. */
export function chartVersionJson(c: ChartRecord) {
  return {
    name: c.name,
    ...(c.home ? { home: c.home } : {}),
    version: c.version,
    description: c.description,
    ...(c.keywords ? { keywords: c.keywords } : {}),
    ...(c.maintainers ? { maintainers: c.maintainers } : {}),
    apiVersion: c.apiVersion,
    ...(c.appVersion ? { appVersion: c.appVersion } : {}),
    ...(c.apiVersion === 'v2' ? { type: 'application' } : {}),
    urls: [`charts/${c.name}-${c.version}.tgz`],
    created: c.created,
    digest: c.digest!,
  };
}
