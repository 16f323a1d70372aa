import { auth, getJson, startTestSandbox } from '../testing/sandbox';
import { generateWorld } from '../world';
import type { Sandbox } from '../sandbox';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startTestSandbox({
    world: generateWorld({
      services: 1,
      buildsPerService: 150,
      environments: [],
      branches: [{ name: 'release/1.x', builds: 120 }],
    }),
  });
});
afterAll(() => sb.stop());

describe('a job with many runs', () => {
  const job = () =>
    `${sb.urls['jenkins-code']}/job/bench/job/service-001/job/master`;

  it('lists the newest 100 in builds and every run in allBuilds', async () => {
    const all = await getJson<{
      builds: Array<{ number: number }>;
      allBuilds?: unknown[];
    }>(`${job()}/api/json`, auth.code);
    expect(all.builds).toHaveLength(100);
    expect(all.builds[0].number).toBe(150);
    expect(all.allBuilds).toBeUndefined();
    const tree = await getJson<{ allBuilds: Array<{ number: number }> }>(
      `${job()}/api/json?tree=allBuilds[number]{140,}`,
      auth.code,
    );
    expect(tree.allBuilds.map(b => b.number)).toEqual([
      10, 9, 8, 7, 6, 5, 4, 3, 2, 1,
    ]);
  });

  it('applies a range of builds to the newest 100 only (Job.getNewBuilds is limit(100))', async () => {
    const wide = await getJson<{ builds: Array<{ number: number }> }>(
      `${job()}/api/json?tree=builds[number]{0,200}`,
      auth.code,
    );
    expect(wide.builds).toHaveLength(100);
    expect(wide.builds[99].number).toBe(51);
    const past = await getJson<{ builds: unknown[] }>(
      `${job()}/api/json?tree=builds[number]{100,200}`,
      auth.code,
    );
    expect(past.builds).toEqual([]);
  });

  it('fails every 7th run and names released versions', async () => {
    const run = await getJson<{ result: string; displayName: string }>(
      `${job()}/7/api/json?tree=result,displayName`,
      auth.code,
    );
    expect(run).toEqual(
      expect.objectContaining({ result: 'FAILURE', displayName: '#7' }),
    );
    const ok = await getJson<{ displayName: string }>(
      `${job()}/8/api/json?tree=displayName`,
      auth.code,
    );
    expect(ok.displayName).toBe('v1.0.7');
  });

  it('has the branch release/1.x as job release%2F1.x with its own runs', async () => {
    const project = await getJson<{
      jobs: Array<{ name: string; displayName: string; url: string }>;
    }>(
      `${sb.urls['jenkins-code']}/job/bench/job/service-001/api/json?tree=jobs[name,displayName,url]`,
      auth.code,
    );
    expect(project.jobs.map(j => [j.name, j.displayName])).toEqual([
      ['master', 'master'],
      ['release%2F1.x', 'release/1.x'],
    ]);
    const release = project.jobs[1];
    expect(release.url).toBe(`${job().replace(/master$/, 'release%252F1.x')}/`);
    const runs = await getJson<{
      fullName: string;
      builds: Array<{ number: number; url: string; displayName: string }>;
    }>(
      `${release.url}api/json?tree=fullName,builds[number,url,displayName]`,
      auth.code,
    );
    expect(runs.fullName).toBe('bench/service-001/release%2F1.x');
    expect(runs.builds).toHaveLength(100);
    expect(runs.builds[0]).toMatchObject({
      number: 120,
      displayName: 'v1.1.103',
    });
    const run = await getJson<{ number: number }>(
      `${runs.builds[0].url}api/json?tree=number`,
      auth.code,
    );
    expect(run.number).toBe(120);
  });
});
