import type { GitHubRepoSeed } from './types';

const values = (tag: string) => `app:\n  image:\n    tag: ${tag}\n`;

/**
 * Two config repositories with history that touches a file on some commits only (one change
 * through a merged pull request), open promotion pull requests, a binary file, and a private
 * repository: the data the GraphQL tests read through both APIs.
 */
export function graphqlSeeds(): GitHubRepoSeed[] {
  return [
    {
      owner: 'gitops',
      name: 'config-dev',
      commits: [
        {
          id: 'd1',
          message: 'Initial environment',
          date: '2024-01-01T09:00:00Z',
          files: {
            'app/values.yaml': values('v1'),
            'other/values.yaml': values('o1'),
            'logo.png': '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR',
          },
        },
        {
          id: 'd2',
          message: 'Bump other\n\nOnly the other service.',
          date: '2024-01-02T09:00:00Z',
          files: { 'other/values.yaml': values('o2') },
        },
        {
          id: 'd3',
          message: 'Promote app to v2',
          date: '2024-01-03T09:00:00Z',
          files: { 'app/values.yaml': values('v2') },
        },
        {
          id: 'd4',
          message: 'Merge pull request #1 from gitops/promote/app-v3',
          date: '2024-01-05T09:00:00Z',
          author: { name: 'Alice', email: 'alice@example.com' },
          files: { 'app/values.yaml': values('v3') },
          pull: {
            branch: 'promote/app-v3',
            title: 'Promote app to v3',
            user: 'alice',
            mergedBy: 'bob',
            openedAt: '2024-01-04T09:00:00Z',
          },
        },
        {
          id: 'd5',
          message: 'Bump other again',
          date: '2024-01-06T09:00:00Z',
          files: { 'other/values.yaml': values('o3') },
        },
      ],
      branches: [1, 2, 3, 4, 5].map(n => ({
        name: `promote/other-o${3 + n}`,
        from: 'd5',
        commits: [
          {
            id: `b${n}`,
            message: `Promote other to o${3 + n}`,
            date: `2024-01-1${n}T09:00:00Z`,
            files: { 'other/values.yaml': values(`o${3 + n}`) },
          },
        ],
      })),
      pulls: [1, 2, 3, 4, 5].map(n => ({
        head: `promote/other-o${3 + n}`,
        base: 'main',
        title: `Promote other to o${3 + n}`,
        user: n === 2 ? 'carol' : undefined,
      })),
    },
    {
      owner: 'gitops',
      name: 'config-prod',
      commits: [
        {
          id: 'p1',
          message: 'Initial production',
          date: '2024-01-01T10:00:00Z',
          files: { 'app/values.yaml': values('v1') },
        },
        {
          id: 'p2',
          message: 'Promote app to v2 in production',
          date: '2024-01-04T10:00:00Z',
          files: { 'app/values.yaml': values('v2') },
        },
      ],
      branches: [
        {
          name: 'promote/app-v3',
          from: 'p2',
          commits: [
            {
              id: 'pb1',
              message: 'Promote app to v3 in production',
              date: '2024-01-07T10:00:00Z',
              files: { 'app/values.yaml': values('v3') },
            },
          ],
        },
      ],
      pulls: [
        {
          head: 'promote/app-v3',
          base: 'main',
          title: 'Promote app v3 to production',
        },
      ],
    },
    {
      owner: 'gitops',
      name: 'secrets',
      private: true,
      commits: [
        {
          id: 's1',
          message: 'Sealed secrets',
          date: '2024-01-01T11:00:00Z',
          files: { 'app/sealed.yaml': 'kind: SealedSecret\n' },
        },
      ],
    },
  ];
}

/**
 * The contract's query shape (README, "GraphQL") for two config repositories (`r0` with every
 * part, `r1` without the per-pin file) and one file alias (`f2`).
 */
export const deliveryQuery = /* GraphQL */ `
  query DeliveryConfigRepos(
    $o0: String!
    $n0: String!
    $b0: String!
    $p0: String!
    $o1: String!
    $n1: String!
    $b1: String!
    $p1: String!
    $o2: String!
    $n2: String!
    $s2: GitObjectID!
    $p2: String!
  ) {
    r0: repository(owner: $o0, name: $n0) {
      ref(qualifiedName: $b0) {
        target {
          oid
          ... on Commit {
            file(path: $p0) {
              oid
              object {
                ... on Blob {
                  text
                  isTruncated
                  byteSize
                }
              }
            }
            pins: history(first: 20, path: $p0) {
              nodes {
                ...DeliveryCommit
                file(path: $p0) {
                  oid
                  object {
                    ... on Blob {
                      text
                      isTruncated
                    }
                  }
                }
              }
            }
            recent: history(first: 20) {
              nodes {
                oid
                file(path: $p0) {
                  oid
                  object {
                    ... on Blob {
                      text
                      isTruncated
                    }
                  }
                }
              }
            }
          }
        }
      }
      pullRequests(
        states: [OPEN]
        first: 100
        orderBy: { field: CREATED_AT, direction: DESC }
      ) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          number
          url
          title
          headRefName
          createdAt
          author {
            login
          }
        }
      }
    }
    r1: repository(owner: $o1, name: $n1) {
      ref(qualifiedName: $b1) {
        target {
          oid
          ... on Commit {
            file(path: $p1) {
              oid
              object {
                ... on Blob {
                  text
                  isTruncated
                  byteSize
                }
              }
            }
            pins: history(first: 20, path: $p1) {
              nodes {
                ...DeliveryCommit
              }
            }
          }
        }
      }
      pullRequests(
        states: [OPEN]
        first: 100
        orderBy: { field: CREATED_AT, direction: DESC }
      ) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          number
          url
          title
          headRefName
          createdAt
          author {
            login
          }
        }
      }
    }
    f2: repository(owner: $o2, name: $n2) {
      object(oid: $s2) {
        ... on Commit {
          oid
          file(path: $p2) {
            oid
            object {
              ... on Blob {
                text
                isTruncated
              }
            }
          }
        }
      }
    }
    rateLimit {
      cost
      remaining
      resetAt
    }
  }
  fragment DeliveryCommit on Commit {
    oid
    message
    committedDate
    url
    author {
      name
    }
    parents(first: 5) {
      nodes {
        oid
      }
    }
  }
`;
