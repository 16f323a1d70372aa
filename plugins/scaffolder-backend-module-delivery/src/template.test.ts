import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { createCodeRepoCreateAction } from './actions/codeRepoCreate';
import { createConfigAddReleaseAction } from './actions/configAddRelease';
import { createClaimsRecordAction } from './actions/claimsRecord';
import { mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { repoRoot } from './__testUtils__/fixtures';
import { actionContext, run } from './__testUtils__/actionContext';
import { Sandbox, startSandbox } from './__testUtils__/scaffolderSandbox';

jest.setTimeout(60_000);

type Values = Record<string, unknown>;

const template = parse(
  readFileSync(
    join(repoRoot(), 'examples/templates/delivery-service/template.yaml'),
    'utf8',
  ),
);

/** Evaluates the `${{ }}` expressions this template uses (a subset of the scaffolder's nunjucks). */
function render(
  value: unknown,
  scope: { parameters: Values; steps: Record<string, Values> },
): unknown {
  const evaluate = (expr: string): unknown => {
    const p = /^parameters\.(\w+)$/.exec(expr);
    if (p) return scope.parameters[p[1]];
    const inList = /^'([\w-]+)' in parameters\.(\w+)$/.exec(expr);
    if (inList)
      return (scope.parameters[inList[2]] as string[]).includes(inList[1]);
    const s = /^steps\['([\w-]+)'\]\.output((?:\.\w+)*)$/.exec(expr);
    if (!s) throw new Error(`unsupported expression ${expr}`);
    return s[2]
      .split('.')
      .filter(Boolean)
      .reduce<unknown>(
        (o, k) => (o as Values | undefined)?.[k],
        scope.steps[s[1]],
      );
  };
  if (typeof value === 'string') {
    const whole = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(value);
    if (whole) return evaluate(whole[1]);
    return value.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_m, e) =>
      String(evaluate(e) ?? ''),
    );
  }
  if (Array.isArray(value)) return value.map(v => render(v, scope));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, render(v, scope)]),
    );
  }
  return value;
}

describe('examples/templates/delivery-service', () => {
  it('is a v1beta3 template asking for name, owner, description, language and environments', () => {
    expect(template).toMatchObject({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
    });
    const props = Object.assign(
      {},
      ...template.spec.parameters.map((p: Values) => p.properties),
    );
    expect(Object.keys(props).sort()).toEqual([
      'description',
      'environments',
      'language',
      'name',
      'owner',
    ]);
    expect(props.owner['ui:field']).toBe('OwnerPicker');
    expect(props.language.enum).toEqual(['go', 'node']);
    expect(props.environments.items.enum).toEqual(['dev', 'staging', 'prod']);
    expect(props.name.pattern).toBe('^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$');
    expect(template.spec.steps.map((s: Values) => s.action)).toEqual([
      'delivery:code-repo:create',
      'delivery:config:add-release',
      'delivery:claims:record',
      'catalog:register',
    ]);
  });

  describe('run against the sandbox GitHub', () => {
    let sb: Sandbox;
    beforeEach(async () => {
      sb = await startSandbox();
    });
    afterEach(() => sb.close());

    it('creates the code repo and config PRs and registers catalog-info.yaml', async () => {
      // Stands in for the delivery backend's POST /claims (tested there).
      const claims: unknown[] = [];
      const claimsServer = http.createServer((req, res) => {
        let body = '';
        req.on('data', c => (body += c));
        req.on('end', () => {
          claims.push(JSON.parse(body));
          res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>(r => claimsServer.listen(0, '127.0.0.1', r));
      const deliveryUrl = `http://127.0.0.1:${
        (claimsServer.address() as AddressInfo).port
      }`;
      const actions = {
        'delivery:claims:record': createClaimsRecordAction({
          auth: mockServices.auth({ pluginId: 'scaffolder' }),
          discovery: {
            getBaseUrl: async () => deliveryUrl,
            getExternalBaseUrl: async () => deliveryUrl,
          },
        }),
        'delivery:code-repo:create': createCodeRepoCreateAction({
          integrations: sb.integrations,
          config: sb.config,
        }),
        'delivery:config:add-release': createConfigAddReleaseAction({
          integrations: sb.integrations,
          config: sb.config,
        }),
      };
      const scope = {
        parameters: {
          name: 'orders',
          owner: 'group:default/team-xposer',
          description: 'Takes orders',
          language: 'node',
          environments: ['dev', 'prod'],
        } as Values,
        steps: {} as Record<string, Values>,
      };
      const [register, ...delivery] = [...template.spec.steps].reverse();
      for (const step of delivery.reverse()) {
        const input = render(step.input, scope) as Values;
        const action = actions[step.action as keyof typeof actions];
        const keys = Object.keys(
          (action.schema!.input as { properties: Values }).properties,
        );
        expect(keys).toEqual(expect.arrayContaining(Object.keys(input)));
        // the template hard-codes the demo GitHub Enterprise host
        const patched = { ...input } as Values;
        if (typeof patched.repoUrl === 'string') {
          patched.repoUrl = patched.repoUrl.replace('127.0.0.1:7105', sb.host);
        }
        const ctx = actionContext(patched as never);
        await run(action, ctx);
        scope.steps[step.id] = ctx.outputs as Values;
      }
      claimsServer.close();
      expect(claims).toEqual([
        {
          entityRef: 'component:default/orders',
          annotations: expect.objectContaining({
            'delivery/release': 'orders',
            'delivery/image': 'stakater/orders',
          }),
        },
      ]);
      expect(render(register.input, scope)).toEqual({
        catalogInfoUrl: `${sb.baseUrl}/stakater/orders/blob/main/catalog-info.yaml`,
      });
      scope.steps[register.id] = { entityRef: 'component:default/orders' };
      const catalogInfo = parse(
        (await sb.store.readFile(
          'stakater',
          'orders',
          'main',
          'catalog-info.yaml',
        ))!,
      );
      expect(catalogInfo.spec.owner).toBe('group:default/team-xposer');
      expect(catalogInfo.metadata.annotations['delivery/environments']).toBe(
        'dev,prod',
      );

      const output = render(template.spec.output, scope) as {
        links: Array<{ title: string; url?: string; if?: unknown }>;
        text: Array<{ content: string }>;
      };
      const shown = output.links.filter(l => !('if' in l) || l.if);
      const pulls = scope.steps.config.pullRequestUrls as Values;
      expect(shown.map(l => [l.title, l.url])).toEqual([
        ['Code repository', `${sb.baseUrl}/stakater/orders`],
        ['dev config pull request', pulls.dev],
        ['prod config pull request', pulls.prod],
        ['Open in catalog', undefined],
      ]);
      expect(output.text[0].content).toContain('gitops/config-prod');
      const { data: devPulls } = await sb.octokit.pulls.list({
        owner: 'gitops',
        repo: 'config-dev',
      });
      expect(devPulls.map(p => p.html_url)).toEqual([pulls.dev]);
    });
  });
});
