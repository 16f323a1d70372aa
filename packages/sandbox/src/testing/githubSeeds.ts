import type { GitHubRepoSeed } from '../github/types';

/** A small world: one code repo, one config repo with a promotion branch and an open PR. @public */
export function testSeeds(): GitHubRepoSeed[] {
  return [
    {
      owner: 'stakater',
      name: 'xposer',
      defaultBranch: 'master',
      description: 'Xposer exposes services',
      commits: [
        {
          id: 'x1',
          message: 'Initial commit',
          date: '2024-01-01T10:00:00Z',
          files: { 'README.md': '# xposer\n', Jenkinsfile: 'pipeline {}\n' },
        },
        {
          id: 'x2',
          message: 'Add chart',
          date: '2024-01-02T10:00:00Z',
          files: {
            'deployments/kubernetes/chart/xposer/Chart.yaml':
              'name: xposer\nversion: 0.0.20\n',
          },
        },
      ],
    },
    {
      owner: 'gitops',
      name: 'config-dev',
      commits: [
        {
          id: 'c1',
          message: 'Initial environment',
          date: '2024-01-01T09:00:00Z',
          files: {
            'xposer/requirements.yaml':
              'dependencies:\n  # the app\n  - name: xposer\n    version: 0.0.19\n    repository: http://chartmuseum\n',
            'xposer/values.yaml': 'xposer:\n  image:\n    tag: v0.0.19\n',
          },
        },
      ],
      branches: [
        {
          name: 'promote/xposer-0.0.20',
          from: 'c1',
          commits: [
            {
              id: 'p1',
              message: 'Promote xposer to 0.0.20',
              date: '2024-01-03T09:00:00Z',
              files: {
                'xposer/requirements.yaml':
                  'dependencies:\n  # the app\n  - name: xposer\n    version: 0.0.20\n    repository: http://chartmuseum\n',
              },
            },
          ],
        },
      ],
      pulls: [
        {
          head: 'promote/xposer-0.0.20',
          base: 'main',
          title: 'Promote xposer 0.0.20',
          body: 'Automated promotion',
        },
      ],
    },
  ];
}
