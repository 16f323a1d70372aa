import { createCodeRepoCreateAction } from './actions/codeRepoCreate';
import { createConfigAddReleaseAction } from './actions/configAddRelease';
import { createConfigRepoCreateAction } from './actions/configRepoCreate';
import { actionContext, run } from './__testUtils__/actionContext';
import { useSandbox } from './__testUtils__/scaffolderSandbox';

jest.setTimeout(60_000);

/**
 * Issue #11 "Trust boundary": registry and chart-repository hosts (where the generated
 * pipelines send the Nexus and ChartMuseum credentials) come only from app-config. An input
 * naming them is an InputError before any request to GitHub.
 */
describe('hosts that receive credentials come only from app-config', () => {
  const sb = useSandbox();
  const options = () => ({ integrations: sb.integrations, config: sb.config });

  const codeInput = (extra: Record<string, unknown>) => ({
    repoUrl: `${sb.host}?owner=stakater&repo=orders`,
    owner: 'group:default/team-xposer',
    description: 'Takes orders',
    language: 'go',
    environments: ['dev'],
    ...extra,
  });
  const configRepoInput = (extra: Record<string, unknown>) => ({
    repoUrl: `${sb.host}?owner=gitops&repo=config-perf`,
    environment: 'perf',
    owner: 'group:default/platform',
    ...extra,
  });
  const addReleaseInput = (extra: Record<string, unknown>) => ({
    release: 'orders',
    image: '127.0.0.1:7103/stakater/orders',
    environments: ['dev'],
    ...extra,
  });

  const cases: Array<
    [string, () => { handler: (ctx: never) => Promise<void> }, () => object]
  > = [
    [
      'delivery:code-repo:create dockerRegistry',
      () => createCodeRepoCreateAction(options()),
      () => codeInput({ dockerRegistry: 'evil.example.com' }),
    ],
    [
      'delivery:code-repo:create chartRepositoryUrl',
      () => createCodeRepoCreateAction(options()),
      () => codeInput({ chartRepositoryUrl: 'http://x/$$(id>/tmp/pwned)' }),
    ],
    [
      'delivery:config-repo:create chartRepositoryUrl',
      () => createConfigRepoCreateAction(options()),
      () => configRepoInput({ chartRepositoryUrl: 'http://evil.example.com' }),
    ],
    [
      'delivery:config:add-release chartRepositoryUrl',
      () => createConfigAddReleaseAction(options()),
      () => addReleaseInput({ chartRepositoryUrl: 'http://evil.example.com' }),
    ],
  ];

  it.each(cases)(
    '%s from the input is an InputError, before any GitHub call',
    async (_what, action, input) => {
      const before = sb.requestCount();
      const error = await run(action(), actionContext(input() as never)).then(
        () => undefined,
        e => e,
      );
      expect(error).toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/app-config.*delivery\.scaffolder\./),
      });
      expect(sb.requestCount()).toBe(before);
    },
  );

  it('delivery:config:add-release refuses an image outside the configured registry', async () => {
    const before = sb.requestCount();
    await expect(
      run(
        createConfigAddReleaseAction(options()),
        actionContext(addReleaseInput({ image: 'evil.example.com/x/orders' })),
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('delivery.scaffolder.dockerRegistry'),
    });
    expect(sb.requestCount()).toBe(before);
  });
});
