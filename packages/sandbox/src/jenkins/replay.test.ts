import { auth, getJson, startTestSandbox, waitFor } from '../testing/sandbox';
import type { Sandbox } from '../sandbox';

interface Run {
  number: number;
  actions: Array<{
    _class?: string;
    causes?: Array<{ _class: string; shortDescription: string }>;
    parameters?: Array<{ name: string; value: unknown }>;
  }>;
}

let sb: Sandbox;
let deploy: string;
beforeAll(async () => {
  sb = await startTestSandbox();
  deploy = sb.urls['jenkins-deploy'];
});
afterAll(() => sb.stop());

const job = () => `${deploy}/job/deploy/job/config-dev/`;

describe('POST .../N/replay/rebuild (workflow-cps ReplayAction.doRebuild)', () => {
  it('answers 302 to the job and queues a run with the same parameters', async () => {
    const before = await getJson<Run>(
      `${job()}lastBuild/api/json`,
      auth.deploy,
    );
    const res = await fetch(`${job()}${before.number}/replay/rebuild`, {
      method: 'POST',
      headers: auth.deploy,
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(job());
    const run = await waitFor(async () => {
      const r = await getJson<Run>(`${job()}lastBuild/api/json`, auth.deploy);
      return r.number === before.number + 1 ? r : undefined;
    });
    const causes = run.actions.find(
      a => a._class === 'hudson.model.CauseAction',
    )!;
    expect(causes.causes).toEqual([
      expect.objectContaining({
        _class: 'hudson.model.Cause$UserIdCause',
        shortDescription: 'Started by user deploy-ci',
      }),
      {
        _class: 'org.jenkinsci.plugins.workflow.cps.replay.ReplayCause',
        shortDescription: `Rebuilt #${before.number}`,
      },
    ]);
    const params = (r: Run) =>
      r.actions.find(a => a._class === 'hudson.model.ParametersAction')!
        .parameters;
    expect(params(run)).toEqual(params(before));
  });

  it('is POST only (405, Allow: POST), 404 for a missing run, 401 without credentials', async () => {
    const get = await fetch(`${job()}1/replay/rebuild`, {
      headers: auth.deploy,
    });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const missing = await fetch(`${job()}999/replay/rebuild`, {
      method: 'POST',
      headers: auth.deploy,
    });
    expect(missing.status).toBe(404);
    const anonymous = await fetch(`${job()}1/replay/rebuild`, {
      method: 'POST',
    });
    expect(anonymous.status).toBe(401);
  });
});
