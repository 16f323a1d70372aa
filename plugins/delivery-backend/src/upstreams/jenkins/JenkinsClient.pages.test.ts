import { generateWorld, sandboxCredentials } from '@gitops-delivery/sandbox';
import {
  startTestSandbox,
  type Sandbox,
} from '@gitops-delivery/sandbox/testUtils';
import { JenkinsClient } from './JenkinsClient';

/* Older pages of a job's runs, against the sandbox code Jenkins over HTTP. */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({
    world: generateWorld({
      services: 1,
      buildsPerService: 150,
      environments: [],
    }),
  });
});
afterAll(() => sandbox.stop());

const client = () =>
  JenkinsClient.create({
    name: 'code',
    baseUrl: sandbox.urls['jenkins-code'],
    username: sandboxCredentials.codeJenkins.username,
    apiToken: sandboxCredentials.codeJenkins.password,
    timeoutMs: 10_000,
  });
/** Runs `read` and returns its result and the upstream requests it made. */
async function counted<T>(read: () => Promise<T>) {
  await fetch(`${sandbox.urls.control}/requests`, { method: 'DELETE' });
  const value = await read();
  const { total } = (await (
    await fetch(`${sandbox.urls.control}/requests`)
  ).json()) as { total: number };
  return { value, requests: total };
}
const numbers = (builds: Array<{ number: number }>) =>
  builds.map(b => b.number);

describe('JenkinsClient.listBuilds pages', () => {
  it('reads the newest page from builds and older pages from allBuilds, one request each, past the 100 Jenkins lists in builds', async () => {
    const job = 'bench/service-001/master';
    const first = await counted(() => client().listBuilds(job, { limit: 50 }));
    expect(first.requests).toBe(1);
    expect(numbers(first.value)).toEqual(
      Array.from({ length: 50 }, (_, i) => 150 - i),
    );
    const third = await counted(() =>
      client().listBuilds(job, { limit: 50, offset: 100 }),
    );
    expect(third.requests).toBe(1);
    expect(numbers(third.value)).toEqual(
      Array.from({ length: 50 }, (_, i) => 50 - i),
    );
    const past = await client().listBuilds(job, { limit: 50, offset: 150 });
    expect(past).toEqual([]);
  });
});
