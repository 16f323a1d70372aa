import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  component,
  sandboxAppConfig,
  stakaterHostAliases,
  startTestSandbox,
  TestSandbox,
} from '../../__testUtils__/sandbox';
import { openApiValidator } from '../../__testUtils__/openapi';
import { readDeliveryConfig } from '../../config';
import { DefaultDeliveryViewService } from '../view';
import { diagnose } from './diagnose';

jest.setTimeout(60_000);

describe('the delivery doctor on the stakater world', () => {
  let sandbox: TestSandbox;
  const validate = openApiValidator();
  beforeAll(async () => {
    sandbox = await startTestSandbox('stakater');
  });
  afterAll(() => sandbox.stop());

  const run = (
    annotations: Record<string, string>,
    delivery: JsonObject = {},
  ) => {
    const app = sandboxAppConfig(sandbox.urls);
    Object.assign(app.delivery as JsonObject, delivery);
    const config = readDeliveryConfig(new ConfigReader(app));
    const view = DefaultDeliveryViewService.create({
      config,
      logger: mockServices.logger.mock(),
    });
    return diagnose(component('inventory', annotations), { config, view });
  };
  const inventory = {
    'delivery/code-job': 'code:stakater/inventory/master',
    'delivery/image': 'stakater/inventory',
    'delivery/chart': 'inventory',
  };
  const check = (d: Awaited<ReturnType<typeof run>>, id: string) =>
    d.checks.find(c => c.id === id)!;

  it('passes every check when the setup is right', async () => {
    const d = await run(inventory, stakaterHostAliases(sandbox.urls));
    expect(validate('DeliveryDiagnostics', d)).toBeNull();
    expect(d.versionFrom).toEqual([
      'displayName',
      'gitTag',
      'commitMessage',
      'imageLabel',
    ]);
    expect(
      d.checks.filter(c => c.status === 'error' || c.status === 'warning'),
    ).toEqual([]);
    expect(check(d, 'join:build-version')).toMatchObject({
      status: 'ok',
      matched: 'gitTag (3)',
    });
    expect(check(d, 'source:codeJenkins').where).toEqual([
      `${sandbox.urls['jenkins-code']}/job/stakater/job/inventory/job/master/`,
    ]);
    expect(JSON.stringify(d)).not.toMatch(
      /code-jenkins-token|sandbox-github-token|nexus-password/,
    );
  });

  it('explains a missing host alias with the key and an example', async () => {
    const d = await run(inventory);
    const host = new URL(sandbox.urls.github).host;
    expect(check(d, 'join:code-repo')).toMatchObject({
      status: 'warning',
      fix: {
        key: 'delivery.hostAliases',
        example: `[{ host: '${host}', aliases: ['git.sandbox.internal'] }]`,
      },
    });
    expect(check(d, 'join:deploy-config-commit:staging')).toMatchObject({
      status: 'error',
      fix: {
        key: 'delivery.hostAliases',
        example: `[{ host: '${host}', aliases: ['git.sandbox.internal'] }]`,
      },
    });
  });

  it('explains a wrong job path, listing the jobs of its folder', async () => {
    const d = await run({
      ...inventory,
      'delivery/code-job': 'code:stakater/inventroy/master',
    });
    const c = check(d, 'source:codeJenkins');
    expect(c.status).toBe('error');
    expect(c.fix?.key).toBe('metadata.annotations.delivery/code-job');
    expect(c.fix?.example).toBe('code:stakater/inventory/master');
    expect(c.fix?.explanation).toMatch(
      /^No job stakater\/inventroy\/master: there is no "inventroy" in stakater, which has .*inventory/,
    );
  });

  it('explains a wrong versionFrom and suggests the strategy that works', async () => {
    const d = await run(
      { ...inventory, 'delivery/version-from': 'displayName' },
      stakaterHostAliases(sandbox.urls),
    );
    const c = check(d, 'join:build-version');
    expect(c.status).toBe('error');
    expect(c.found).toBe('0 of 3 successful builds have a version');
    expect(c.fix).toMatchObject({
      key: 'metadata.annotations.delivery/version-from',
      example: 'gitTag',
    });
    expect(c.fix?.explanation).toContain(
      'gitTag would find a version for 3 of 3 builds',
    );
  });
});
