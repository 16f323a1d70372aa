import crypto from 'node:crypto';
import semver from 'semver';

/** A chart version stored in ChartMuseum. @public */
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

/** Newest first: semver (ignoring a leading v) then upload time. */
export function compareChartsDesc(a: ChartRecord, b: ChartRecord): number {
  const va = semver.valid(a.version.replace(/^v/, ''));
  const vb = semver.valid(b.version.replace(/^v/, ''));
  if (va && vb && va !== vb) return semver.rcompare(va, vb);
  return b.created.localeCompare(a.created);
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
