import {
  generateWorld,
  loadDefaultWorld,
  loadWorldFile,
  parseWorld,
  worldToSeeds,
  WorldValidationError,
} from '.';

const ctx = {
  chartRepoUrl: 'http://127.0.0.1:7104',
  registryHost: '127.0.0.1:7103',
};

describe('world', () => {
  it('loads the default world', () => {
    const world = loadDefaultWorld();
    expect(world.services.map(s => s.name)).toEqual([
      'xposer',
      'nordmart-review',
      'gateway',
    ]);
    expect(world.environments.map(e => e.name)).toEqual([
      'dev',
      'staging',
      'prod',
    ]);
  });

  it('names the path of a bad enum value', () => {
    const text = `services:
  - name: a
    codeRepo: { owner: o, name: a }
    job: { path: o/a }
    image: o/a
    chart: a
    commits: [{ id: c1, message: m, date: '2020-01-01T00:00:00Z' }]
    builds:
      - { number: 1, commit: c1, result: SUCCESS, timestamp: '2020-01-01T00:00:00Z' }
      - { number: 2, commit: c1, result: SUCCESS, timestamp: '2020-01-01T00:00:00Z' }
      - { number: 3, commit: c1, result: GREEN, timestamp: '2020-01-01T00:00:00Z' }
`;
    expect(() => parseWorld(text)).toThrow(
      'services[0].builds[2].result: expected one of SUCCESS|FAILURE|UNSTABLE|ABORTED|NOT_BUILT (got "GREEN")',
    );
  });

  it('reports unknown references and missing fields', () => {
    const text = `services:
  - name: a
    codeRepo: { owner: o, name: a }
    job: { path: o/a }
    image: o/a
    chart: a
    commits: [{ id: c1, message: m, date: '2020-01-01T00:00:00Z' }]
    builds: [{ number: 1, commit: nope, result: null, timestamp: '2020-01-01T00:00:00Z' }]
environments:
  - name: dev
    namespace: dev
    configRepo: { owner: g, name: config-dev }
    deployJob: deploy/config-dev
    commits: [{ id: d1, message: m, date: '2020-01-01T00:00:00Z', pins: { b: 1.0.0 } }]
`;
    let error: unknown;
    try {
      parseWorld(text, 'x.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorldValidationError);
    const issues = (error as WorldValidationError).issues.map(
      i => `${i.path}: ${i.message}`,
    );
    expect(issues).toEqual([
      'services[0].builds[0].commit: unknown commit id nope',
      'environments[0].commits[0].pins.b: unknown release b',
    ]);
    expect(() => parseWorld('services: []')).toThrow(
      'services: Array must contain at least 1 element(s)',
    );
    expect(() => parseWorld('services: [{ name: a }]')).toThrow(
      'services[0].codeRepo: required (object)',
    );
  });

  it('renders seeds with comments, aliases and nested values', () => {
    const seeds = worldToSeeds(loadDefaultWorld(), ctx);
    const dev = seeds.find(s => s.name === 'config-dev')!;
    const req = dev.commits[0].files['requirements.yaml']!;
    expect(req).toContain('# xposer: Xposer exposes');
    expect(req).toContain('alias: xposer');
    expect(dev.commits[0].files['xposer.yaml']).toContain(
      'xposer:\n  xposer:\n    image:',
    );
    const prod = seeds.find(s => s.name === 'config-prod')!;
    expect(prod.commits[1].files['Chart.yaml']).toContain('version: 0.0.19');
    expect(prod.commits[1].files['xposer.yaml']).toContain('tag: v0.0.19');
    const staging = seeds.find(s => s.name === 'config-staging')!;
    expect(staging.pulls![0].title).toBe(
      'Promote nordmart-review 1.0.50 -> 1.0.51 to staging',
    );
    expect(staging.pulls![0].body).toContain(
      '<!-- delivery:promotion env=staging release=nordmart-review version=1.0.51 -->',
    );
    expect(staging.pulls).toEqual([
      expect.objectContaining({
        head: 'delivery/staging/nordmart-review-1.0.51',
        base: 'main',
      }),
    ]);
    expect(Object.keys(staging.branches![0].commits[0].files).sort()).toEqual([
      'nordmart-review.yaml',
      'requirements.yaml',
    ]);
  });

  it('generates big worlds', () => {
    const world = generateWorld({
      services: 200,
      buildsPerService: 5,
      chartVersions: 10,
    });
    expect(world.services).toHaveLength(200);
    const one = generateWorld({
      services: 1,
      buildsPerService: 1000,
      chartVersions: 500,
    });
    expect(one.services[0].builds).toHaveLength(1000);
  });

  it('loads bundled worlds by name and checks the stakater extensions', () => {
    const world = loadWorldFile('stakater');
    expect(world.settings).toMatchObject({
      releaseStyle: 'bumpCommit',
      gitRemote: { style: 'ssh', host: 'git.sandbox.internal' },
      imageLabels: true,
      movingTag: 'latest',
    });
    expect(world.services.find(s => s.name === 'edge')!.aliases).toEqual([
      'edge-public',
      'edge-internal',
    ]);
    const text = `settings: { releaseStyle: tagged, gitRemote: { style: git } }
services:
  - name: a
    codeRepo: { owner: o, name: a }
    job: { path: o/a }
    image: o/a
    chart: a
    release: a1
    aliases: [a2, b]
    artifacts: [{ version: 0.1.0, created: '2020-01-01T00:00:00Z', commit: zz }]
    commits: [{ id: c1, message: m, date: '2020-01-01T00:00:00Z' }]
  - name: b
    codeRepo: { owner: o, name: b }
    job: { path: o/b }
    image: o/b
    chart: b
    commits: [{ id: c1, message: m, date: '2020-01-01T00:00:00Z' }]
`;
    expect(() => parseWorld(text)).toThrow(
      'settings.releaseStyle: expected one of displayName|bumpCommit (got "tagged")',
    );
    expect(() => parseWorld(text)).toThrow(
      'settings.gitRemote.style: expected one of https|ssh (got "git")',
    );
    const valid = text.replace(/^settings:.*\n/, '');
    let issues: string[] = [];
    try {
      parseWorld(valid);
    } catch (e) {
      issues = (e as WorldValidationError).issues.map(
        i => `${i.path}: ${i.message}`,
      );
    }
    expect(issues).toEqual([
      'services[0].aliases: use either release or aliases',
      'services[0].artifacts[0].commit: unknown commit id zz',
      'services[1].release: duplicate release b',
    ]);
  });

  it('renders bump commits and annotated tags for bumpCommit worlds, quoted pins', () => {
    const seeds = worldToSeeds(loadWorldFile('stakater'), ctx);
    const inventory = seeds.find(s => s.name === 'inventory')!;
    const messages = inventory.commits.map(c => c.message);
    expect(messages.slice(0, 5)).toEqual([
      'Initial commit',
      'Add stock levels API',
      'Bump Version to 0.3.0',
      'Reserve stock on checkout',
      'Bump Version to 0.3.1',
    ]);
    expect(inventory.commits[2].files).toEqual({ '.version': '0.3.0\n' });
    expect(inventory.tags).toHaveLength(5);
    expect(inventory.tags![0]).toMatchObject({
      name: '0.3.0',
      target: 'bump:0.3.0',
      annotation: { tagger: { name: 'stakater-user' } },
    });
    const prod = seeds.find(s => s.name === 'config-prod')!;
    expect(prod.commits[0].files['Chart.yaml']).toContain(
      '  - name: edge\n    version: "2.0.9"\n',
    );
    expect(prod.commits[0].files['edge-internal.yaml']).toContain(
      'edge-internal:\n  edge:\n    image:',
    );
  });
});
