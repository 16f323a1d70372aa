import {
  releasesOf,
  type World,
  type WorldEnvironment,
  type WorldService,
} from './types';

/** Strips one leading `v` (`v0.0.19` and `0.0.19` are the same version). */
export function normalizeVersion(version: string): string {
  return version.trim().replace(/^[vV](?=\d)/, '');
}

/** A version published to Nexus and ChartMuseum. */
export interface PublishedVersion {
  version: string;
  created: string;
  image: boolean;
  chart: boolean;
  /** Code commit id the version was built from (a build's, or an artifact's `commit`). */
  commit?: string;
  buildNumber?: number;
}

/** Every version a service has published, oldest first. */
export function publishedVersions(service: WorldService): PublishedVersion[] {
  const out: PublishedVersion[] = service.artifacts.map(a => ({ ...a }));
  for (const b of service.builds) {
    const publish =
      b.publish ?? (b.result === 'SUCCESS' && b.version !== undefined);
    if (publish && b.version) {
      const created = new Date(
        Date.parse(b.timestamp) + b.durationMs,
      ).toISOString();
      out.push({
        version: b.version,
        created,
        image: true,
        chart: true,
        commit: b.commit,
        buildNumber: b.number,
      });
    }
  }
  return out.sort((a, b) => a.created.localeCompare(b.created));
}

/** Finds the published chart version a pin means (ignoring a leading `v`). */
export function resolvePinnedVersion(
  service: WorldService,
  pin: string,
): string | undefined {
  const wanted = normalizeVersion(pin);
  const hit = publishedVersions(service).find(
    p => p.chart && normalizeVersion(p.version) === wanted,
  );
  return hit?.version;
}

/** Pins after each config commit (commit id -> release -> version). */
export function pinsByCommit(
  env: WorldEnvironment,
): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  let pins: Record<string, string> = {};
  for (const c of env.commits) {
    pins = { ...pins, ...c.pins };
    out.set(c.id, pins);
  }
  return out;
}

/** Values-file image tag overrides after each config commit. */
export function valuesTagsByCommit(
  env: WorldEnvironment,
): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  let tags: Record<string, string> = {};
  for (const c of env.commits) {
    // A new pin without an explicit tag resets the tag to follow the pin.
    const next = { ...tags };
    for (const r of Object.keys(c.pins)) delete next[r];
    tags = { ...next, ...c.valuesTags };
    out.set(c.id, tags);
  }
  return out;
}

/** The service deployed under a release alias. */
export function serviceByRelease(
  world: World,
  release: string,
): WorldService | undefined {
  return world.services.find(s => releasesOf(s).includes(release));
}

/** Image tag a deploy of `pin` runs: the values override, else the resolved chart version. */
export function imageTagFor(
  service: WorldService,
  pin: string,
  valuesTag?: string,
): string {
  return valuesTag ?? resolvePinnedVersion(service, pin) ?? pin;
}

/** Is this version one the world says fails to deploy? */
export function failsToDeploy(world: World, version: string): boolean {
  const v = normalizeVersion(version);
  return world.settings.failingDeployVersions.some(
    f => normalizeVersion(f) === v,
  );
}
