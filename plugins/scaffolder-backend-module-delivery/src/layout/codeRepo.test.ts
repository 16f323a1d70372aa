import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { codeRepoFiles } from './codeRepo';
import { groovyBracesBalanced } from '../lang/groovy';
import { testSpec } from './testSpec';

const CHART = 'deployments/kubernetes/chart/my-service';

describe('codeRepoFiles', () => {
  it('lays out a Go service in the Xposer layout', () => {
    const files = codeRepoFiles(testSpec());
    expect(Object.keys(files).sort()).toEqual(
      [
        '.gitignore',
        '.version',
        'Jenkinsfile',
        'Makefile',
        'README.md',
        'build/package/Dockerfile',
        'catalog-info.yaml',
        'cmd/my-service/handler.go',
        'cmd/my-service/handler_test.go',
        'cmd/my-service/main.go',
        `${CHART}/Chart.yaml`,
        `${CHART}/templates/_helpers.tpl`,
        `${CHART}/templates/configmap.yaml`,
        `${CHART}/templates/deployment.yaml`,
        `${CHART}/templates/service.yaml`,
        `${CHART}/values.yaml`,
        'deployments/kubernetes/manifests/deployment.yaml',
        'go.mod',
      ].sort(),
    );
    expect(files['.version']).toBe('v0.0.0\n');
    expect(files['go.mod']).toMatch(
      /^module 127\.0\.0\.1\/stakater\/my-service\n/,
    );
  });

  it('lays out a Node service', () => {
    const files = codeRepoFiles(testSpec({ language: 'node' }));
    expect(files['package.json']).toBeDefined();
    expect(JSON.parse(files['package.json'])).toMatchObject({
      name: 'my-service',
      version: '0.0.0',
      scripts: { test: 'node --test' },
    });
    expect(files['src/index.js']).toContain('8080');
    expect(files['test/handler.test.js']).toContain(
      "require('../src/handler')",
    );
    expect(files['build/package/Dockerfile']).toMatch(/^FROM node:20-alpine/);
    expect(files['go.mod']).toBeUndefined();
  });

  it('writes a Node skeleton whose own tests pass', () => {
    const dir = mkdtempSync(join(tmpdir(), 'delivery-node-'));
    for (const [path, content] of Object.entries(
      codeRepoFiles(testSpec({ language: 'node' })),
    )) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    let out: string;
    try {
      out = execFileSync(process.execPath, ['--test'], {
        cwd: dir,
        encoding: 'utf8',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(out).toMatch(/# pass 1/);
  });

  it('writes a Helm v1 chart with the required fields', () => {
    const files = codeRepoFiles(testSpec());
    const chart = parse(files[`${CHART}/Chart.yaml`]);
    expect(chart).toMatchObject({
      apiVersion: 'v1',
      name: 'my-service',
      version: 'v0.0.0',
      description: 'My service',
    });
    const values = parse(files[`${CHART}/values.yaml`]);
    expect(values['my-service'].image).toEqual({
      name: '127.0.0.1:7103/stakater/my-service',
      tag: '',
      pullPolicy: 'IfNotPresent',
    });
    const helpers = files[`${CHART}/templates/_helpers.tpl`];
    expect(helpers).toContain(
      'chart: "{{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}"',
    );
    expect(helpers).toContain('version: {{ .Chart.Version | quote }}');
    for (const t of ['deployment', 'service', 'configmap']) {
      const tpl = files[`${CHART}/templates/${t}.yaml`];
      expect(tpl).toContain('index .Values "my-service"');
      expect(tpl.split('{{').length).toBe(tpl.split('}}').length);
    }
  });

  it('renders the deployment manifest with the chart labels', () => {
    const files = codeRepoFiles(testSpec());
    const docs = parseAllDocuments(
      files['deployments/kubernetes/manifests/deployment.yaml'],
    );
    expect(docs).toHaveLength(1);
    const d = docs[0].toJSON();
    expect(d.kind).toBe('Deployment');
    expect(d.metadata.labels).toMatchObject({
      chart: 'my-service-v0.0.0',
      version: 'v0.0.0',
    });
    expect(d.spec.template.spec.containers[0].image).toBe(
      '127.0.0.1:7103/stakater/my-service:v0.0.0',
    );
  });

  it('writes a complete declarative Jenkinsfile', () => {
    const jf = codeRepoFiles(testSpec()).Jenkinsfile;
    expect(groovyBracesBalanced(jf)).toBe(true);
    expect(jf).toMatch(/^pipeline \{\n {2}agent any\n/m);
    expect(jf).toMatch(/\n {2}stages \{\n/);
    for (const stage of [
      'Checkout',
      'Version',
      'Build image',
      'Package chart',
      'Push image',
      'Push chart',
      'Tag',
    ]) {
      expect(jf).toContain(`stage('${stage}')`);
    }
    expect(jf).toContain("readFile('.version')");
    expect(jf).toContain("DOCKER_REGISTRY = '127.0.0.1:7103'");
    expect(jf).toContain("CHART_REPOSITORY_URL = 'http://127.0.0.1:7104'");
    expect(jf).toContain('helm package "$CHART_PATH" --version "$VERSION"');
    expect(jf).toContain('"$CHART_REPOSITORY_URL/api/charts"');
    expect(jf).toContain('git tag -a "$VERSION"');
    expect(jf).toContain('currentBuild.displayName = env.VERSION');
    expect(jf).not.toMatch(/password'?\s*[:=]\s*'[^$]/i);
  });

  it('writes a Makefile with tab-indented recipes', () => {
    const mk = codeRepoFiles(testSpec()).Makefile;
    expect(mk).toContain('\ntest:\n\tgo test ./...\n');
    expect(mk).toContain('DOCKER_REGISTRY ?= 127.0.0.1:7103');
    expect(mk).not.toMatch(/\n {2,}\S/);
  });

  it('annotates the catalog entity for the delivery plugin', () => {
    const entity = parse(codeRepoFiles(testSpec())['catalog-info.yaml']);
    expect(entity).toMatchObject({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'my-service',
        annotations: {
          'delivery/code-job': 'code:stakater/my-service/main',
          'delivery/image': 'stakater/my-service',
          'delivery/chart': 'my-service',
          'delivery/release': 'my-service',
          'delivery/environments': 'dev,staging',
        },
      },
      spec: { type: 'service', owner: 'group:default/team-xposer' },
    });
  });

  it('keeps hostile descriptions as data', () => {
    const description =
      'x: y "quoted" {{ .Values.secret }} ${{ parameters.name }} # not a comment';
    expect(() =>
      codeRepoFiles(testSpec({ description: `a\nb`, language: 'node' })),
    ).toThrow(/single line/);
    const files = codeRepoFiles(testSpec({ description, language: 'node' }));
    expect(parse(files['catalog-info.yaml']).metadata.description).toBe(
      description,
    );
    expect(parse(files[`${CHART}/Chart.yaml`]).description).toBe(description);
    expect(JSON.parse(files['package.json']).description).toBe(description);
    const rendered = Object.entries(files).filter(
      ([path]) =>
        path.includes('/templates/') ||
        path === 'Jenkinsfile' ||
        path === 'Makefile',
    );
    expect(rendered.length).toBeGreaterThan(5);
    expect(
      rendered.filter(([, content]) => content.includes('.Values.secret')),
    ).toEqual([]);
  });
});
