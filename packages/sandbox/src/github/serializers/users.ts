import type { ApiContext } from '../http/context';
import type { Account } from '../store/records';

function nodeId(prefix: string, id: number | string): string {
  return Buffer.from(`${prefix}${id}`).toString('base64');
}

export { nodeId };

const NODE_PREFIX: Record<Account['type'], string> = {
  User: '04:User',
  Bot: '03:Bot',
  Organization: '012:Organization',
};

/** `simple-user` as embedded in repositories, pulls and commits. */
export function simpleUser(ctx: ApiContext, a: Account) {
  const api = `${ctx.apiUrl}/users/${a.login}`;
  return {
    login: a.login,
    id: a.id,
    node_id: nodeId(NODE_PREFIX[a.type], a.id),
    avatar_url: `${ctx.baseUrl}/avatars/u/${a.id}?`,
    gravatar_id: '',
    url: api,
    html_url: `${ctx.baseUrl}/${a.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: a.type,
    site_admin: false,
  };
}

function repoCount(ctx: ApiContext, a: Account): number {
  return [...ctx.store.repos.values()].filter(r => r.owner === a && !r.private)
    .length;
}

/** `GET /users/{user}` and `GET /user`. */
export function fullUser(ctx: ApiContext, a: Account) {
  return {
    ...simpleUser(ctx, a),
    name: a.login,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: repoCount(ctx, a),
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: a.createdAt,
    updated_at: a.createdAt,
  };
}

/** `GET /orgs/{org}`. */
export function organization(ctx: ApiContext, a: Account) {
  const api = `${ctx.apiUrl}/orgs/${a.login}`;
  return {
    login: a.login,
    id: a.id,
    node_id: nodeId('012:Organization', a.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `${ctx.baseUrl}/avatars/u/${a.id}?`,
    description: null,
    name: a.login,
    company: null,
    blog: '',
    location: null,
    email: null,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: repoCount(ctx, a),
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: `${ctx.baseUrl}/${a.login}`,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    type: 'Organization',
    archived_at: null,
  };
}
