import type { GitHubRepoSeed } from '@gitops-delivery/sandbox';

/** requirements.yaml of the seeded dev config repo (comments must survive edits). */
export const DEV_REQUIREMENTS = `# Pinned charts of the dev environment
dependencies:
  # the exposer
  - name: xposer
    version: v0.0.20
    repository: http://127.0.0.1:7104
    alias: xposer
`;

/** Chart.yaml (Helm v2) of the seeded prod config repo. */
export const PROD_CHART = `apiVersion: v2
name: config-prod
description: Umbrella chart of prod
version: 0.1.0
dependencies:
- name: xposer
  version: v0.0.18 # pinned by promotion
  repository: "http://127.0.0.1:7104"
  alias: xposer
`;

/** Seeds: the code org with xposer, config repos for dev (v1) and prod (v2), an empty qa repo. */
export function seeds(): GitHubRepoSeed[] {
  const at = (d: number) => `2024-01-0${d}T10:00:00Z`;
  return [
    {
      owner: 'stakater',
      name: 'xposer',
      defaultBranch: 'master',
      commits: [
        {
          message: 'Initial',
          date: at(1),
          files: { 'README.md': '# xposer\n' },
        },
      ],
    },
    {
      owner: 'gitops',
      name: 'config-dev',
      commits: [
        {
          message: 'dev',
          date: at(2),
          files: {
            'Chart.yaml': 'apiVersion: v1\nname: config-dev\nversion: 0.1.0\n',
            'requirements.yaml': DEV_REQUIREMENTS,
            'xposer.yaml':
              'xposer:\n  xposer:\n    image:\n      tag: v0.0.20\n',
          },
        },
      ],
    },
    {
      owner: 'gitops',
      name: 'config-prod',
      commits: [
        {
          message: 'prod',
          date: at(3),
          files: { 'Chart.yaml': PROD_CHART, 'xposer.yaml': 'xposer: {}\n' },
        },
      ],
    },
    { owner: 'gitops', name: 'config-qa', commits: [] },
  ];
}
