import { fixture } from '../../__testUtils__/server';
import { parse } from 'yaml';
import { buildLineage, orderVersions } from './lineage';

describe('orderVersions', () => {
  it('orders the real Stakater xposer chart versions (mixed v and plain) by semver', () => {
    const index = parse(fixture('helm/stakater-charts-index-excerpt.yaml'));
    const versions: Array<{ version: string; created: string }> =
      index.entries.xposer;
    const items = versions.map(v => ({
      normalized: v.version.replace(/^v/, ''),
      time: Date.parse(v.created),
      version: v.version,
    }));
    const ordered = orderVersions(items).map(i => i.version);
    expect(ordered).toHaveLength(versions.length);
    expect(ordered[0]).toBe('v0.0.20');
    expect(ordered.indexOf('v0.0.9')).toBe(ordered.indexOf('0.0.8') - 1);
    expect(ordered[ordered.length - 1]).toBe('0.0.1');
  });

  it('keeps non-semver versions, in time order among the others', () => {
    const ordered = orderVersions([
      { normalized: '1.0.0', time: 100 },
      { normalized: '1.1.0', time: 300 },
      { normalized: 'sha-abc', time: 200 },
      { normalized: 'latest', time: 0 },
    ]).map(i => i.normalized);
    expect(ordered).toEqual(['1.1.0', 'sha-abc', '1.0.0', 'latest']);
  });
});

describe('buildLineage', () => {
  it('joins chart, image, build and environments on the version without v', () => {
    const lineage = buildLineage({
      charts: [
        {
          name: 'xposer',
          version: 'v0.0.15',
          createdAt: '2020-01-06T10:06:00Z',
        },
      ],
      images: [
        {
          repository: 'docker-hosted',
          name: 'stakater/xposer',
          tag: 'v0.0.15',
        },
      ],
      builds: [
        {
          number: 9,
          url: 'u9',
          result: 'SUCCESS',
          building: false,
          startedAt: '2020-01-06T10:05:00Z',
          durationMs: 1,
          version: 'v0.0.15',
          versionVia: { via: 'gitTag', detail: 'tag v0.0.15 points at abc' },
          commit: { sha: 'abc', shortSha: 'abc' },
          commitVia: { via: 'buildData', detail: 'build #9 checked out abc' },
        },
        {
          number: 3,
          url: 'u3',
          result: 'FAILURE',
          building: false,
          startedAt: '2019-11-20T10:05:00Z',
          durationMs: 1,
        },
      ],
      environments: [
        {
          name: 'prod',
          configRepoUrl: 'x',
          branch: 'main',
          pinnedVersion: '0.0.15',
          runningVersion: 'v0.0.15',
          status: 'in-sync',
          statusReason: 'x',
          statusFacts: [],
          openPromotions: [],
        },
      ],
      deploys: [
        {
          environment: 'prod',
          number: 4,
          url: 'd4',
          result: 'SUCCESS',
          building: false,
          startedAt: '2020-01-07T00:00:00Z',
          durationMs: 1,
          configCommit: { sha: 'c0ffee', shortSha: 'c0ffee' },
          version: '0.0.15',
        },
      ],
    });
    expect(lineage).toEqual([
      {
        version: 'v0.0.15',
        normalized: '0.0.15',
        commit: { sha: 'abc', shortSha: 'abc' },
        build: {
          number: 9,
          url: 'u9',
          result: 'SUCCESS',
          startedAt: '2020-01-06T10:05:00Z',
        },
        image: {
          repository: 'docker-hosted',
          name: 'stakater/xposer',
          tag: 'v0.0.15',
        },
        chart: {
          name: 'xposer',
          version: 'v0.0.15',
          createdAt: '2020-01-06T10:06:00Z',
        },
        links: {
          build: { via: 'gitTag', detail: 'tag v0.0.15 points at abc' },
          commit: { via: 'buildData', detail: 'build #9 checked out abc' },
          image: {
            via: 'sameVersion',
            detail: 'image tag v0.0.15 is version v0.0.15',
          },
          chart: {
            via: 'sameVersion',
            detail: 'chart xposer version v0.0.15 is version v0.0.15',
          },
        },
        environments: [
          {
            environment: 'prod',
            pinned: true,
            running: true,
            deployedBy: { number: 4, url: 'd4', result: 'SUCCESS' },
            deployedByVia: {
              via: 'configCommit',
              detail: 'run #4 deployed config commit c0ffee, which pins 0.0.15',
            },
          },
        ],
      },
    ]);
  });

  it('drops moving tags and tags that are no version, and joins a build-less version to its commit', () => {
    const image = (tag: string) => ({
      repository: 'docker-hosted',
      name: 'stakater/inventory',
      tag,
    });
    const lineage = buildLineage({
      charts: [
        { name: 'inventory', version: '1.4.0' },
        { name: 'inventory', version: 'latest' },
      ],
      images: ['1.4.0', 'latest', 'sha-1be9c18', 'dev', 'stable'].map(image),
      builds: [],
      environments: [],
      deploys: [],
      isMovingTag: t => ['latest', 'stable', 'edge'].includes(t),
      artifactCommits: new Map([
        [
          '1.4.0',
          {
            commit: { sha: 'a1b2c3d4', shortSha: 'a1b2c3d' },
            via: { via: 'gitTag', detail: 'tag 1.4.0 points at a1b2c3d' },
          },
        ],
      ]),
    });
    expect(lineage.map(v => v.version)).toEqual(['1.4.0']);
    expect(lineage[0].commit?.sha).toBe('a1b2c3d4');
    expect(lineage[0].links.commit?.via).toBe('gitTag');
    expect(lineage[0].links.build).toBeUndefined();
  });
});
