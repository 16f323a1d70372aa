import { parse } from 'yaml';
import { auth, getJson, startTestSandbox } from '../testing/sandbox';
import type { Sandbox } from '../sandbox';

/** The README table "what the default world shows", checked against the live sandbox. */
const table = [
  // service, env, pinned, last deploy result, running image tag, deployed version label
  ['xposer', 'dev', 'v0.0.21', 'FAILURE', 'v0.0.21', 'v0.0.21'],
  ['xposer', 'staging', 'v0.0.20', 'SUCCESS', 'v0.0.20', 'v0.0.20'],
  ['xposer', 'prod', '0.0.19', 'SUCCESS', 'v0.0.19', 'v0.0.19'],
  ['nordmart-review', 'dev', '1.0.52', 'FAILURE', '1.0.51', '1.0.51'],
  ['nordmart-review', 'staging', '1.0.50', 'SUCCESS', '1.0.50', '1.0.50'],
  ['nordmart-review', 'prod', '1.0.48', 'SUCCESS', '1.0.49', '1.0.48'],
  ['gateway', 'dev', 'v2.4.0', 'FAILURE', 'v2.4.0', 'v2.4.0'],
  ['gateway', 'staging', 'v2.3.1', 'SUCCESS', 'v2.3.0', 'v2.3.0'],
  ['gateway', 'prod', 'v2.2.0', 'SUCCESS', 'v2.2.0', 'v2.2.0'],
];

/** The clock both sandboxes of the determinism test see. */
const now = Date.parse('2026-06-01T12:00:00Z');

let sb: Sandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ now });
});
afterAll(() => sb.stop());

describe('the default world', () => {
  it.each(table)(
    '%s in %s',
    async (release, env, pinned, lastResult, running, label) => {
      const e = sb.engine.world.environments.find(x => x.name === env)!;
      const file = e.format === 'chart' ? 'Chart.yaml' : 'requirements.yaml';
      const text = await sb.engine.generation.store.readFile(
        'gitops',
        `config-${env}`,
        'main',
        file,
      );
      const deps = (
        parse(text!) as {
          dependencies: Array<{ alias: string; version: string }>;
        }
      ).dependencies;
      expect(deps.find(d => d.alias === release)!.version).toBe(pinned);
      const run = await getJson<{ result: string }>(
        `${sb.urls['jenkins-deploy']}/job/deploy/job/config-${env}/lastBuild/api/json?tree=result`,
        auth.deploy,
      );
      expect(run.result).toBe(lastResult);
      const d = await getJson<{
        metadata: { labels: Record<string, string> };
        spec: { template: { spec: { containers: Array<{ image: string }> } } };
      }>(
        `${sb.urls.kubernetes}/apis/apps/v1/namespaces/${env}/deployments/${release}`,
        auth.k8s,
      );
      expect(d.spec.template.spec.containers[0].image.split(':').pop()).toBe(
        running,
      );
      expect(d.metadata.labels.version).toBe(label);
    },
  );

  it('is deterministic: a second sandbox has the same code shas and runs', async () => {
    const other = await startTestSandbox({ now });
    try {
      const url = '/job/stakater/job/xposer/job/master/16/api/json';
      const strip = (text: string, base: string) =>
        text.split(base).join('<base>');
      const a = strip(
        await (
          await fetch(`${sb.urls['jenkins-code']}${url}`, {
            headers: auth.code,
          })
        ).text(),
        sb.urls['jenkins-code'],
      );
      const b = strip(
        await (
          await fetch(`${other.urls['jenkins-code']}${url}`, {
            headers: auth.code,
          })
        ).text(),
        other.urls['jenkins-code'],
      );
      expect(strip(a, sb.urls.github)).toEqual(strip(b, other.urls.github));
      expect(
        other.engine.generation.store.commitSha('stakater', 'xposer', 'x16'),
      ).toBe(sb.engine.generation.store.commitSha('stakater', 'xposer', 'x16'));
    } finally {
      await other.stop();
    }
  });

  it('is relative to now: the newest event (dev deploy #3 ends) was about an hour ago', async () => {
    const run = await getJson<{ timestamp: number; duration: number }>(
      `${sb.urls['jenkins-deploy']}/job/deploy/job/config-dev/3/api/json`,
      auth.deploy,
    );
    // Whole-minute offset: the run (65 s) ends between 61 and 60 minutes before now.
    const age = now - (run.timestamp + run.duration);
    expect(age).toBeGreaterThanOrEqual(60 * 60 * 1000);
    expect(age).toBeLessThan(61 * 60 * 1000);
    // Everything moved by the same offset: dev deploy #3 started at 2020-03-05T09:01:00Z.
    const offset = run.timestamp - Date.parse('2020-03-05T09:01:00Z');
    const build = await getJson<{ timestamp: number }>(
      `${sb.urls['jenkins-code']}/job/stakater/job/xposer/job/master/16/api/json`,
      auth.code,
    );
    expect(build.timestamp).toBe(Date.parse('2020-03-02T10:05:00Z') + offset);
    expect(offset % 60000).toBe(0);
  });

  it('is pending-deploy in staging: the config head is newer than the last deploy run', async () => {
    const run = await getJson<{
      actions: Array<{ lastBuiltRevision?: { SHA1: string } }>;
    }>(
      `${sb.urls['jenkins-deploy']}/job/deploy/job/config-staging/lastBuild/api/json`,
      auth.deploy,
    );
    const deployed = run.actions.filter(a => a.lastBuiltRevision).pop()!
      .lastBuiltRevision!.SHA1;
    const store = sb.engine.generation.store;
    expect(deployed).toBe(store.commitSha('gitops', 'config-staging', 's02'));
    expect(await store.headSha('gitops', 'config-staging', 'main')).toBe(
      store.commitSha('gitops', 'config-staging', 's03'),
    );
  });
});
