import type { ApiContext } from '../http/context';
import type { RepoRecord } from '../store/records';
import { nodeId, simpleUser } from './users';

export function repoApiUrl(ctx: ApiContext, rec: RepoRecord): string {
  return `${ctx.apiUrl}/repos/${rec.owner.login}/${rec.name}`;
}

export function repoHtmlUrl(ctx: ApiContext, rec: RepoRecord): string {
  return `${ctx.baseUrl}/${rec.owner.login}/${rec.name}`;
}

/** The URL templates and basic fields shared by every repository representation. */
function repoUrls(ctx: ApiContext, rec: RepoRecord) {
  const api = repoApiUrl(ctx, rec);
  return {
    id: rec.id,
    node_id: nodeId('010:Repository', rec.id),
    name: rec.name,
    full_name: `${rec.owner.login}/${rec.name}`,
    private: rec.private,
    owner: simpleUser(ctx, rec.owner),
    html_url: repoHtmlUrl(ctx, rec),
    description: rec.description,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
  };
}

/** The `repository` representation (also embedded in pulls as head.repo/base.repo). */
export function repoCore(ctx: ApiContext, rec: RepoRecord) {
  const host = new URL(ctx.baseUrl).host;
  const hostname = new URL(ctx.baseUrl).hostname;
  const openPulls = rec.pulls.filter(p => p.state === 'open').length;
  return {
    ...repoUrls(ctx, rec),
    created_at: rec.createdAt,
    updated_at: rec.updatedAt,
    pushed_at: rec.pushedAt,
    git_url: `git://${host}/${rec.owner.login}/${rec.name}.git`,
    ssh_url: `git@${hostname}:${rec.owner.login}/${rec.name}.git`,
    clone_url: `${repoHtmlUrl(ctx, rec)}.git`,
    svn_url: repoHtmlUrl(ctx, rec),
    homepage: rec.homepage,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openPulls,
    license: null,
    allow_forking: true,
    is_template: rec.isTemplate,
    web_commit_signoff_required: false,
    topics: [],
    visibility: rec.private ? 'private' : 'public',
    forks: 0,
    open_issues: openPulls,
    watchers: 0,
    default_branch: rec.defaultBranch,
    temp_clone_token: '',
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_message: 'COMMIT_MESSAGES',
    squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
    merge_commit_message: 'PR_TITLE',
    merge_commit_title: 'MERGE_MESSAGE',
  };
}

/** The `full-repository` representation (GET /repos/{o}/{r}, create responses). */
export function fullRepo(ctx: ApiContext, rec: RepoRecord) {
  return {
    ...repoCore(ctx, rec),
    permissions: {
      admin: true,
      maintain: true,
      push: true,
      triage: true,
      pull: true,
    },
    ...(rec.owner.type === 'Organization'
      ? { organization: simpleUser(ctx, rec.owner) }
      : {}),
    ...(rec.templateRepo
      ? { template_repository: repoCore(ctx, rec.templateRepo) }
      : {}),
    network_count: 0,
    subscribers_count: 0,
  };
}

/** The `repository` representation embedded in pulls (head.repo/base.repo). */
export const repoForPull = repoCore;
