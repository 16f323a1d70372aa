import { parse, parseAllDocuments } from 'yaml';
import { createCodeRepoCreateAction } from './actions/codeRepoCreate';
import { createConfigAddReleaseAction } from './actions/configAddRelease';
import { createConfigRepoCreateAction } from './actions/configRepoCreate';
import { markdownText } from './lang/markdown';
import { codeRepoFiles } from './layout/codeRepo';
import { configRepoFiles } from './layout/configRepo';
import { PAYLOADS } from './__testUtils__/payloads';
import { actionContext, run } from './__testUtils__/actionContext';
import { Sandbox, startSandbox } from './__testUtils__/scaffolderSandbox';

jest.setTimeout(120_000);

type Input = Record<string, unknown>;

/**
 * What a payload appended to a valid identifier may still be (e.g. `main---` is a valid
 * branch): letters, digits and `:/._-` cannot break out of any language we write.
 */
const IDENTIFIER = /^[A-Za-z0-9:/._-]+$/;
type Action = {
  handler: (ctx: never) => Promise<void>;
  schema?: { input?: unknown };
};

/**
 * Every payload into every input field of every action (the fields are read from each
 * action's schema, so a new field is covered automatically): the result is a clear
 * InputError before any request to GitHub, or files in which the payload is inert.
 */
describe('injection payloads in every input field', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  const options = () => ({ integrations: sb.integrations, config: sb.config });
  const fieldsOf = (action: Action) =>
    Object.keys(
      (action.schema!.input as { properties: Record<string, unknown> })
        .properties,
    );
  const variants = (field: string, base: Input, payload: string): unknown[] => {
    const current = base[field];
    if (Array.isArray(current)) return [[payload], [...current, payload]];
    if (typeof current === 'boolean') return [payload];
    if (field === 'repoUrl') {
      return [
        payload,
        `${sb.host}?owner=stakater&repo=${payload}`,
        `${sb.host}?owner=${payload}&repo=x`,
      ];
    }
    return [payload, `${String(current ?? 'x')}${payload}`];
  };

  /** An accepted non-free-text value is still a plain identifier. */
  function expectIdentifier(field: string, value: unknown) {
    expect({ field, value }).toEqual({
      field,
      value: expect.stringMatching(IDENTIFIER),
    });
  }

  /** Runs one case; undefined when it was rejected (after checking how). */
  async function attempt(action: Action, input: Input) {
    const before = sb.requestCount();
    const ctx = actionContext(input as never);
    try {
      await run(action, ctx);
      return ctx.outputs;
    } catch (e) {
      expect({ name: (e as Error).name, input }).toEqual({
        name: 'InputError',
        input,
      });
      expect(sb.requestCount()).toBe(before);
      return undefined;
    }
  }

  const read = async (owner: string, repo: string, paths: string[]) =>
    Object.fromEntries(
      await Promise.all(
        paths.map(async p => [
          p,
          (await sb.store.readFile(owner, repo, 'main', p)) ?? '',
        ]),
      ),
    ) as Record<string, string>;

  /** Files that carry the description are checked by meaning; every other file is unchanged. */
  function expectInert(
    files: Record<string, string>,
    baseline: Record<string, string>,
    description: string,
    carriers: Record<string, (text: string) => unknown>,
  ) {
    expect(Object.keys(files).sort()).toEqual(Object.keys(baseline).sort());
    for (const [path, text] of Object.entries(files)) {
      if (path.endsWith('.yaml') && !path.includes('/templates/')) {
        const docs = parseAllDocuments(text);
        expect({ path, docs: docs.length }).toEqual({ path, docs: 1 });
        expect((docs as { errors: unknown[] }[])[0].errors).toEqual([]);
      }
      if (carriers[path]) {
        expect({ path, value: carriers[path](text) }).toEqual({
          path,
          value: description,
        });
      } else if (path !== 'README.md') {
        expect({ path, text }).toEqual({ path, text: baseline[path] });
      }
    }
    if (baseline['README.md'] !== undefined && description) {
      expect(files['README.md']).toContain(`\n${markdownText(description)}\n`);
    }
  }

  it('delivery:code-repo:create', async () => {
    const action = createCodeRepoCreateAction(options());
    let n = 0;
    const base = (): Input => ({
      repoUrl: `${sb.host}?owner=stakater&repo=svc-${++n}`,
      owner: 'group:default/team-xposer',
      description: 'Takes orders',
      language: n % 2 ? 'go' : 'node',
      environments: ['dev'],
      defaultBranch: 'main',
      private: false,
    });
    expect(fieldsOf(action).sort()).toEqual(Object.keys(base()).sort());
    let accepted = 0;
    for (const field of fieldsOf(action)) {
      for (const payload of PAYLOADS) {
        const input = base();
        for (const value of variants(field, input, payload)) {
          const caseInput = { ...base(), [field]: value };
          const outputs = await attempt(action, caseInput);
          if (!outputs) continue;
          if (field !== 'description') {
            expectIdentifier(field, value);
            continue;
          }
          accepted++;
          const name = String(outputs.chart);
          const spec = {
            name,
            owner: 'stakater',
            host: sb.host,
            repoHtmlUrl: `${sb.baseUrl}/stakater/${name}`,
            description: '',
            language: caseInput.language as 'go' | 'node',
            componentOwner: 'group:default/team-xposer',
            defaultBranch: 'main',
            dockerRegistry: '127.0.0.1:7103',
            chartRepositoryUrl: 'http://127.0.0.1:7104',
            codeJenkinsInstance: 'code',
            environments: ['dev'],
            initialVersion: 'v0.0.0',
            port: 8080,
          };
          const baseline = codeRepoFiles(spec);
          const files = await read('stakater', name, Object.keys(baseline));
          const chart = `deployments/kubernetes/chart/${name}/Chart.yaml`;
          expectInert(files, baseline, String(value), {
            'catalog-info.yaml': t => parse(t).metadata.description,
            [chart]: t => parse(t).description,
            'package.json': t => JSON.parse(t).description,
          });
        }
      }
    }
    // only the free-text description takes payloads, and only single-line ones
    expect(accepted).toBeGreaterThan(20);
  });

  it('delivery:config-repo:create', async () => {
    const action = createConfigRepoCreateAction(options());
    let n = 0;
    const base = (): Input => ({
      repoUrl: `${sb.host}?owner=gitops&repo=config-e${++n}`,
      environment: 'perf',
      namespace: 'perf',
      branch: 'main',
      owner: 'group:default/platform',
      description: 'Perf',
      requirementsPath: 'requirements.yaml',
      private: false,
    });
    expect(fieldsOf(action).sort()).toEqual(Object.keys(base()).sort());
    let accepted = 0;
    for (const field of fieldsOf(action)) {
      for (const payload of PAYLOADS) {
        for (const value of variants(field, base(), payload)) {
          const outputs = await attempt(action, { ...base(), [field]: value });
          if (!outputs) continue;
          if (field !== 'description') {
            expectIdentifier(field, value);
            continue;
          }
          accepted++;
          const name = String(outputs.repoUrl).split('/').pop()!;
          const baseline = configRepoFiles({
            name,
            owner: 'gitops',
            repoHtmlUrl: String(outputs.repoUrl),
            environment: 'perf',
            namespace: 'perf',
            branch: 'main',
            description: 'x',
            componentOwner: 'group:default/platform',
            chartRepositoryUrl: 'http://127.0.0.1:7104',
            requirementsPath: 'requirements.yaml',
          });
          const files = await read('gitops', name, Object.keys(baseline));
          expectInert(files, baseline, String(value), {
            'Chart.yaml': t => parse(t).description,
            'catalog-info.yaml': t => parse(t).metadata.description,
          });
        }
      }
    }
    expect(accepted).toBeGreaterThan(20);
  });

  it('delivery:config:add-release', async () => {
    const action = createConfigAddReleaseAction(options());
    let n = 0;
    const base = (): Input => ({
      release: `rel-${++n}`,
      chart: 'orders',
      version: 'v0.0.1',
      image: '127.0.0.1:7103/stakater/orders',
      environments: ['dev'],
      configOwner: 'group:default/platform',
    });
    expect(fieldsOf(action).sort()).toEqual(Object.keys(base()).sort());
    for (const field of fieldsOf(action)) {
      for (const payload of PAYLOADS) {
        for (const value of variants(field, base(), payload)) {
          const input = { ...base(), [field]: value };
          if (!(await attempt(action, input))) continue;
          // e.g. 'v0.0.1---' is a valid SemVer pre-release: still only an identifier
          expect({ field, value }).toEqual({
            field,
            value: expect.stringMatching(IDENTIFIER),
          });
          const branch = `delivery/scaffold/${input.release}`;
          const text = await sb.store.readFile(
            'gitops',
            'config-dev',
            branch,
            'requirements.yaml',
          );
          const docs = parseAllDocuments(text!);
          expect(docs).toHaveLength(1);
          expect(parse(text!).dependencies.at(-1)).toEqual({
            name: input.chart,
            version: input.version,
            repository: 'http://127.0.0.1:7104',
            alias: input.release,
          });
        }
      }
    }
  });
});
