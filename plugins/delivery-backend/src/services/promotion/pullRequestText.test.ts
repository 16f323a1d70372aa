import {
  commitMessage,
  compareUrl,
  parsePromotionMarker,
  promotionMarker,
  pullRequestBody,
  pullRequestTitle,
  PullRequestFacts,
} from './pullRequestText';

const facts: PullRequestFacts = {
  environment: 'prod',
  release: 'xposer',
  entityRef: 'component:default/xposer',
  fromVersion: 'v0.0.19',
  toVersion: 'v0.0.20',
  files: ['Chart.yaml', 'xposer.yaml'],
  fromCommit: {
    sha: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    url: 'http://127.0.0.1:7105/stakater/xposer/commit/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  },
  toCommit: {
    sha: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
    url: 'http://127.0.0.1:7105/stakater/xposer/commit/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
  },
  build: {
    number: 20,
    url: 'http://127.0.0.1:7101/job/x/20/',
    result: 'SUCCESS',
  },
  image: { name: 'stakater/xposer', tag: 'v0.0.20' },
  chart: {
    name: 'xposer',
    version: 'v0.0.20',
    url: 'http://127.0.0.1:7104/charts/xposer-v0.0.20.tgz',
  },
  actor: 'user:default/guest',
};

describe('pullRequestText', () => {
  it('builds the title', () => {
    expect(pullRequestTitle(facts)).toBe(
      'Promote xposer v0.0.19 -> v0.0.20 to prod',
    );
    expect(pullRequestTitle({ ...facts, fromVersion: undefined })).toBe(
      'Promote xposer (none) -> v0.0.20 to prod',
    );
  });

  it('builds a body with versions, range, links and the marker', () => {
    const body = pullRequestBody(facts);
    expect(body).toContain('from `v0.0.19` to `v0.0.20`');
    expect(body).toContain(
      'http://127.0.0.1:7105/stakater/xposer/compare/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
    );
    expect(body).toContain('[#20](http://127.0.0.1:7101/job/x/20/) (SUCCESS)');
    expect(body).toContain('`stakater/xposer:v0.0.20`');
    expect(body).toContain(
      '[xposer v0.0.20](http://127.0.0.1:7104/charts/xposer-v0.0.20.tgz)',
    );
    expect(body).toContain(
      '<!-- delivery:promotion env=prod release=xposer version=v0.0.20 -->',
    );
    expect(parsePromotionMarker(body)).toEqual({
      environment: 'prod',
      release: 'xposer',
      version: 'v0.0.20',
    });
  });

  it('never links non-http URLs', () => {
    const body = pullRequestBody({
      ...facts,
      // eslint-disable-next-line no-script-url
      build: { number: 1, url: 'javascript:alert(1)' },
    });
    // eslint-disable-next-line no-script-url
    expect(body).not.toContain('javascript:');
  });

  it('carries the marker in the commit message', () => {
    expect(parsePromotionMarker(commitMessage(facts))?.version).toBe('v0.0.20');
    expect(parsePromotionMarker('no marker')).toBeUndefined();
    expect(promotionMarker('a', 'b', 'c')).toBe(
      '<!-- delivery:promotion env=a release=b version=c -->',
    );
  });

  it('derives a compare URL only from commit URLs', () => {
    expect(compareUrl('https://h/o/r/commit/abc', 'def', 'abc')).toBe(
      'https://h/o/r/compare/abc...def',
    );
    expect(compareUrl('https://h/o/r/tree/abc', 'def', 'abc')).toBeUndefined();
  });
});
