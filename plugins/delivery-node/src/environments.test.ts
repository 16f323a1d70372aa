import { ConfigReader } from '@backstage/config';
import { readDeliveryEnvironments } from './environments';

describe('readDeliveryEnvironments', () => {
  it('reads every entry with the defaults applied', () => {
    const delivery = new ConfigReader({
      environments: [
        {
          name: 'dev',
          configRepo: 'https://ghe.example.com/gitops/config-dev',
          deployJob: 'deploy-dev',
        },
        {
          name: 'prod',
          configRepo: 'https://ghe.example.com/gitops/config-prod',
          branch: 'release',
          requirementsPath: 'Chart.yaml',
          valuesPath: 'values/{release}.yaml',
        },
      ],
    });
    const [dev, prod] = readDeliveryEnvironments(delivery);
    expect(dev).toMatchObject({
      index: 0,
      key: 'delivery.environments[0]',
      name: 'dev',
      configRepo: 'https://ghe.example.com/gitops/config-dev',
      branch: 'main',
      requirementsPath: 'requirements.yaml',
      valuesPath: '{release}.yaml',
      deployJob: 'deploy-dev',
    });
    expect(prod).toMatchObject({
      index: 1,
      branch: 'release',
      requirementsPath: 'Chart.yaml',
      valuesPath: 'values/{release}.yaml',
      deployJob: undefined,
    });
    expect(prod.config.getString('name')).toBe('prod');
    expect(Object.isFrozen(dev)).toBe(true);
  });

  it('has no environments without a delivery block', () => {
    expect(readDeliveryEnvironments(undefined)).toEqual([]);
    expect(readDeliveryEnvironments(new ConfigReader({}))).toEqual([]);
  });

  it('names the key of a missing name', () => {
    expect(() =>
      readDeliveryEnvironments(
        new ConfigReader({ environments: [{ configRepo: 'x' }] }),
      ),
    ).toThrow(/name/);
  });
});
