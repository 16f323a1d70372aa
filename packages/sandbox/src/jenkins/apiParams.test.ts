import { auth, getJson, startTestSandbox } from '../testing/sandbox';
import type { Sandbox } from '../sandbox';

let sb: Sandbox;
let job: string;
beforeAll(async () => {
  sb = await startTestSandbox();
  job = `${sb.urls['jenkins-deploy']}/job/deploy/job/config-dev/`;
});
afterAll(() => sb.stop());

describe('tree= and depth= over HTTP (stapler serveExposedBean)', () => {
  it('uses tree and ignores depth when both are given', async () => {
    const body = await getJson(`${job}api/json?tree=name&depth=2`, auth.deploy);
    expect(body).toEqual({
      _class: 'org.jenkinsci.plugins.workflow.job.WorkflowJob',
      name: 'config-dev',
    });
  });

  it('answers 500 to a malformed tree (even an empty one) or a non-numeric depth', async () => {
    for (const q of ['tree=builds[number', 'tree=', 'depth=x']) {
      const res = await fetch(`${job}api/json?${q}`, {
        headers: auth.deploy,
      });
      expect(res.status).toBe(500);
    }
    const res = await fetch(`${job}api/json?tree=a]`, {
      headers: auth.deploy,
    });
    expect(await res.text()).toBe(
      'Malformed tree expression: expected EOF at 1',
    );
  });

  it('shows only visibility-2 properties at depth=-1', async () => {
    const body = await getJson(`${job}api/json?depth=-1`, auth.deploy);
    expect(body).toEqual({
      _class: 'org.jenkinsci.plugins.workflow.job.WorkflowJob',
      color: expect.any(String),
      name: 'config-dev',
      url: job,
    });
  });
});
