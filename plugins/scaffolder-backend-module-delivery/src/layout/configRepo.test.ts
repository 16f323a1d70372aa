import { parse } from 'yaml';
import { configRepoFiles, ConfigRepoSpec } from './configRepo';
import { groovyBracesBalanced } from '../lang/groovy';
import { addDependency } from './release';

const spec: ConfigRepoSpec = {
  name: 'config-qa',
  owner: 'gitops',
  repoHtmlUrl: 'http://127.0.0.1:7105/gitops/config-qa',
  environment: 'qa',
  namespace: 'qa',
  branch: 'main',
  description: 'QA: "umbrella" {{ .Values.x }}',
  componentOwner: 'group:default/platform',
  chartRepositoryUrl: 'http://127.0.0.1:7104',
  requirementsPath: 'requirements.yaml',
};

describe('configRepoFiles', () => {
  it('writes a Helm v1 umbrella chart repo', () => {
    const files = configRepoFiles(spec);
    expect(Object.keys(files).sort()).toEqual([
      'Chart.yaml',
      'Jenkinsfile',
      'catalog-info.yaml',
      'requirements.yaml',
      'values.yaml',
    ]);
    expect(parse(files['Chart.yaml'])).toEqual({
      apiVersion: 'v1',
      name: 'config-qa',
      description: spec.description,
      version: '0.1.0',
    });
    expect(parse(files['requirements.yaml'])).toEqual({ dependencies: [] });
    expect(parse(files['values.yaml'])).toEqual({
      global: { environment: 'qa' },
    });
    expect(parse(files['catalog-info.yaml'])).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'config-qa',
        annotations: { 'delivery/environments': 'qa' },
      },
      spec: { type: 'gitops-config', owner: 'group:default/platform' },
    });
    const jf = files.Jenkinsfile;
    expect(groovyBracesBalanced(jf)).toBe(true);
    expect(jf).toMatch(/^pipeline \{\n {2}agent any\n/m);
    expect(jf).toContain("NAMESPACE = 'qa'");
    expect(jf).toContain(
      'helm upgrade --install "$HELM_RELEASE" . --namespace "$NAMESPACE" $VALUES',
    );
    const dep = { name: 'a', version: '1.0.0', repository: 'r', alias: 'a' };
    expect(
      parse(addDependency(files['requirements.yaml'], dep)).dependencies,
    ).toEqual([dep]);
  });

  it('puts the dependencies into Chart.yaml for Helm v2', () => {
    const files = configRepoFiles({ ...spec, requirementsPath: 'Chart.yaml' });
    expect(files['requirements.yaml']).toBeUndefined();
    expect(parse(files['Chart.yaml'])).toMatchObject({
      apiVersion: 'v2',
      dependencies: [],
    });
  });
});
