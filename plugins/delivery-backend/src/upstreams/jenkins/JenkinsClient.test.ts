import { fixture, sendJson, startServer } from '../../__testUtils__/server';
import { JenkinsClient } from './JenkinsClient';
import {
  buildVersion,
  codeRevision,
  builtRevisions,
  revisionForRepo,
  commitUrl,
} from './buildData';
import type { JenkinsBuild } from './schema';
import { parseGitRemote } from '../git/remote';

const workflowRun = JSON.parse(
  fixture(
    'jenkins/workflowrun-nested-folders-multi-builddata-upstream-params.json',
  ),
) as JenkinsBuild;

const instance = (url: string, timeoutMs = 2000) => ({
  name: 'code',
  baseUrl: url,
  username: 'code-ci',
  apiToken: 'code-jenkins-token',
  timeoutMs,
});

describe('JenkinsClient.listBuilds', () => {
  it('asks once with a tree query, encodes each job segment, sends basic auth', async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, {
        _class: 'x',
        builds: [{ ...workflowRun, number: 1 }, workflowRun],
      }),
    );
    try {
      const client = JenkinsClient.create(instance(server.url));
      const builds = await client.listBuilds('stakater/xposer/feature%2Fx', {
        limit: 20,
        changeSets: true,
      });
      expect(builds.map(b => b.number)).toEqual([721, 1]);
      expect(server.seen).toHaveLength(1);
      const url = new URL(server.seen[0].url, server.url);
      expect(url.pathname).toBe(
        '/job/stakater/job/xposer/job/feature%252Fx/api/json',
      );
      expect(url.searchParams.get('tree')).toMatch(
        /^builds\[number,url,.*changeSets\[items\[commitId.*\]\{0,20\}$/,
      );
      expect(server.seen[0].headers.authorization).toBe(
        `Basic ${Buffer.from('code-ci:code-jenkins-token').toString('base64')}`,
      );
    } finally {
      await server.close();
    }
  });

  it.each([
    [
      '404',
      (res: import('http').ServerResponse) => sendJson(res, {}, 404),
      'not-found',
    ],
    [
      '403',
      (res: import('http').ServerResponse) => sendJson(res, {}, 403),
      'unauthorized',
    ],
    [
      '500',
      (res: import('http').ServerResponse) => sendJson(res, {}, 500),
      'unavailable',
    ],
    [
      'HTML login page',
      (res: import('http').ServerResponse) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          '<html><body><form action="j_spring_security_check">login</form></body></html>',
        );
      },
      'unauthorized',
    ],
    [
      'truncated JSON',
      (res: import('http').ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"builds":[{"number":1,');
      },
      'bad-response',
    ],
    [
      'wrong shape',
      (res: import('http').ServerResponse) =>
        sendJson(res, { builds: [{ number: 'x' }] }),
      'bad-response',
    ],
    [
      'oversized body',
      (res: import('http').ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"builds":[');
        res.end(
          `${'{"number":1,"url":"u","timestamp":1},'.repeat(
            40000,
          )}{"number":2,"url":"u","timestamp":1}]}`,
        );
      },
      'bad-response',
    ],
    ['slow', () => undefined, 'timeout'],
  ])('classifies %s', async (_name, handler, kind) => {
    const server = await startServer((_req, res) => handler(res));
    try {
      const client = JenkinsClient.create(instance(server.url, 300), {
        maxBytes: 100_000,
      });
      const error = await client.listBuilds('a/b').catch(e => e);
      expect(error).toMatchObject({ kind });
      expect(error.message).toMatch(/^Jenkins code job a\/b: /);
      expect(error.message).toMatch(_name === 'oversized body' ? /cap/ : /./);
    } finally {
      await server.close();
    }
  });

  it('retries a 5xx GET and then succeeds', async () => {
    let n = 0;
    const server = await startServer((_req, res) =>
      n++ === 0 ? sendJson(res, {}, 503) : sendJson(res, { builds: [] }),
    );
    try {
      const client = JenkinsClient.create(instance(server.url));
      await expect(client.listBuilds('a')).resolves.toEqual([]);
      expect(server.seen).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});

describe('BuildData joins', () => {
  it('sees all four BuildData of a pipeline build', () => {
    expect(builtRevisions(workflowRun).map(r => r.sha.slice(0, 7))).toEqual([
      'c695d1d',
      '38cdd31',
      '2c8143d',
      '2becaf9',
    ]);
  });

  it('picks the code repo by remote URL, not the shared libraries', () => {
    const none = new Map<string, string>();
    const repo = (url: string) => parseGitRemote(url)!;
    expect(
      codeRevision(
        workflowRun,
        'DCAPI/DeploymentJobs/DeployFrontendStage/main',
        repo(
          'https://gitrepository.dettonville.int/stash/scm/dfsbizops/ara_spec_files.git',
        ),
        none,
      ).revision?.sha,
    ).toBe('2becaf9eed865452cee60f25842ca2aa7908ae2c');
    expect(
      codeRevision(workflowRun, 'x/ara-pipelines/main', undefined, none)
        .revision?.sha,
    ).toBe('2c8143d26419e53c1495c9276d49871d7e42ff8f');
    expect(
      codeRevision(workflowRun, 'x/unknown/main', undefined, none).revision,
    ).toBeUndefined();
    expect(
      revisionForRepo(
        workflowRun,
        repo('git@gitrepository.dettonville.int:stash/scm/API/ara-pipelines'),
        none,
      ).revision?.sha,
    ).toBe('2c8143d26419e53c1495c9276d49871d7e42ff8f');
    const other = revisionForRepo(
      workflowRun,
      repo('https://other.host/stash/scm/api/ara-pipelines'),
      none,
    );
    expect(other.revision).toBeUndefined();
    expect(other.otherHostRemotes).toHaveLength(1);
    expect(
      revisionForRepo(
        workflowRun,
        repo('https://other.host/stash/scm/api/ara-pipelines'),
        new Map([['gitrepository.dettonville.int', 'other.host']]),
      ).revision?.sha,
    ).toBe('2c8143d26419e53c1495c9276d49871d7e42ff8f');
    expect(
      revisionForRepo(
        workflowRun,
        repo(
          'https://user@GITREPOSITORY.dettonville.int/stash/scm/api/ara-pipelines/',
        ),
        none,
      ).revision?.sha,
    ).toBe('2c8143d26419e53c1495c9276d49871d7e42ff8f');
  });

  it('reads the version per versionFrom', () => {
    const b = { ...workflowRun, displayName: 'v0.0.20', description: '0.0.8' };
    expect(buildVersion(b, { kind: 'displayName' })).toBe('v0.0.20');
    expect(buildVersion(b, { kind: 'description' })).toBe('0.0.8');
    expect(
      buildVersion(b, { kind: 'parameter', name: 'ARTIFACT_VERSION' }),
    ).toBe('1.60.1-SNAPSHOT');
    expect(
      buildVersion({ ...b, displayName: '#721' }, { kind: 'displayName' }),
    ).toBeUndefined();
  });

  it('links commits without credentials', () => {
    expect(
      commitUrl('http://u:p@127.0.0.1:7105/stakater/xposer.git', 'abc'),
    ).toBe('http://127.0.0.1:7105/stakater/xposer/commit/abc');
    expect(commitUrl('git@github.com:stakater/xposer.git', 'abc')).toBe(
      'https://github.com/stakater/xposer/commit/abc',
    );
  });
});
