import { mkdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { codeRepoFiles } from './layout/codeRepo';
import { configRepoFiles } from './layout/configRepo';
import { testSpec } from './layout/testSpec';
import { groovyString } from './lang/groovy';
import { SINGLE_LINE_PAYLOADS, PAYLOADS } from './__testUtils__/payloads';
import { javaEnv, sh, which, writeTree } from './__testUtils__/toolchains';

jest.setTimeout(300_000);

/**
 * A test that runs when `bin` is installed and is otherwise skipped with a name saying what
 * to install (`.ci/run` installs the Debian packages).
 */
function testWith(bin: string, debianPackage: string) {
  /* eslint-disable jest/expect-expect, jest/no-disabled-tests -- `fn` holds the expects; skipping is the point */
  return (name: string, fn: () => void) =>
    which(bin)
      ? it(`${name}`, fn)
      : it.skip(
          `${name} [skipped: '${bin}' not found; apt-get install ${debianPackage}]`,
          fn,
        );
  /* eslint-enable jest/expect-expect, jest/no-disabled-tests */
}

const hostile = SINGLE_LINE_PAYLOADS.join(' ');
const spec = (language: 'go' | 'node') =>
  testSpec({
    language,
    name: 'svc-1',
    description: hostile,
    defaultBranch: 'release/v1.2_x-y',
  });

/**
 * The generated files checked by the real toolchains (Debian `golang-go`, `groovy`, `make`,
 * and npm), with the most hostile values validation lets through. Each test is skipped, with
 * the package to install in its name, when the binary is missing (`.ci/run` installs them).
 */
describe('generated files pass the real toolchains', () => {
  testWith('go', 'golang-go')(
    'Go skeleton: go vet, go build, go test',
    goSkeleton,
  );
  testWith('groovyc', 'groovy')(
    'Jenkinsfiles (code and deploy) compile with groovyc',
    jenkinsfilesCompile,
  );
  testWith('groovy', 'groovy')(
    'every payload written by groovyString is the same string in Groovy',
    groovyRoundTrip,
  );
  testWith('npm', 'npm')(
    'Node skeleton: npm install and npm test',
    nodeSkeleton,
  );
  testWith('make', 'make')(
    'Makefile: make -n shows the configured registry and chart repository, nothing else',
    makeDryRun,
  );
});

function goSkeleton() {
  const dir = writeTree(codeRepoFiles(spec('go')), 'delivery-go-');
  const cache = join(tmpdir(), 'delivery-scaffolder-go-cache');
  mkdirSync(cache, { recursive: true });
  const env = {
    ...process.env,
    GOCACHE: cache,
    GOPATH: join(cache, 'gopath'),
    GOFLAGS: '-mod=mod',
    GOPROXY: 'off',
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '0',
  };
  sh('go', ['vet', './...'], { cwd: dir, env });
  sh('go', ['build', './...'], { cwd: dir, env });
  expect(sh('go', ['test', './...'], { cwd: dir, env })).toMatch(/^ok\s/m);
}

function jenkinsfilesCompile() {
  const code = codeRepoFiles(spec('go')).Jenkinsfile;
  const deploy = configRepoFiles({
    name: 'config-qa',
    owner: 'gitops',
    repoHtmlUrl: 'http://127.0.0.1:7105/gitops/config-qa',
    environment: 'qa',
    namespace: 'qa',
    branch: 'release/v1.2_x-y',
    description: hostile,
    componentOwner: 'group:default/platform',
    chartRepositoryUrl: 'http://127.0.0.1:7104',
    requirementsPath: 'requirements.yaml',
  }).Jenkinsfile;
  const dir = writeTree(
    { 'Jenkinsfile.groovy': code, 'DeployJenkinsfile.groovy': deploy },
    'delivery-groovy-',
  );
  sh(
    'groovyc',
    [
      '--encoding',
      'UTF-8',
      '-d',
      'out',
      'Jenkinsfile.groovy',
      'DeployJenkinsfile.groovy',
    ],
    { cwd: dir, env: javaEnv() },
  );
}

function groovyRoundTrip() {
  const payloads = PAYLOADS.filter(p => !p.includes('\u0000'));
  const script = [
    `def values = [${payloads.map(groovyString).join(',\n  ')}]`,
    "values.each { println(it.getBytes('UTF-8').encodeBase64().toString()) }",
  ].join('\n');
  const dir = writeTree({ 'Payloads.groovy': script }, 'delivery-groovy-');
  const out = sh('groovy', ['--encoding', 'UTF-8', 'Payloads.groovy'], {
    cwd: dir,
    env: javaEnv(),
  });
  const decoded = out
    .trim()
    .split('\n')
    .map(l => Buffer.from(l.trim(), 'base64').toString('utf8'));
  expect(decoded).toEqual(payloads);
}

function nodeSkeleton() {
  const dir = writeTree(codeRepoFiles(spec('node')), 'delivery-node-');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  expect(pkg.description).toBe(hostile);
  const env = { ...process.env, npm_config_cache: join(dir, '.npm') };
  sh('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    env,
  });
  sh('node', ['--check', 'src/index.js'], { cwd: dir });
  expect(sh('npm', ['test'], { cwd: dir, env })).toMatch(/pass 1/);
}

function makeDryRun() {
  const dir = writeTree(codeRepoFiles(spec('go')), 'delivery-make-');
  const out = sh('make', ['-n', 'push', 'chart-push'], { cwd: dir });
  expect(out).toContain('docker push "127.0.0.1:7103/stakater/svc-1:v0.0.0"');
  expect(out).toContain(
    'curl --fail --data-binary "@build/chart/svc-1-v0.0.0.tgz" "http://127.0.0.1:7104/api/charts"',
  );
  expect(out).not.toMatch(/\$\(|`/);
}
