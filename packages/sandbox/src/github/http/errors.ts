import type { ValidationItem } from '../store/pulls';

const DOCS = 'https://docs.github.com/enterprise-server@3.14/rest';

/** Documentation anchors used in error bodies, like GitHub's `documentation_url`. */
export const docs = {
  root: `${DOCS}`,
  repos: `${DOCS}/repos/repos#get-a-repository`,
  createInOrg: `${DOCS}/repos/repos#create-an-organization-repository`,
  createForUser: `${DOCS}/repos/repos#create-a-repository-for-the-authenticated-user`,
  generate: `${DOCS}/repos/repos#create-a-repository-using-a-template`,
  branches: `${DOCS}/branches/branches#get-a-branch`,
  contents: `${DOCS}/repos/contents#get-repository-content`,
  putContents: `${DOCS}/repos/contents#create-or-update-file-contents`,
  deleteContents: `${DOCS}/repos/contents#delete-a-file`,
  refs: `${DOCS}/git/refs#get-a-reference`,
  createRef: `${DOCS}/git/refs#create-a-reference`,
  updateRef: `${DOCS}/git/refs#update-a-reference`,
  deleteRef: `${DOCS}/git/refs#delete-a-reference`,
  blobs: `${DOCS}/git/blobs#create-a-blob`,
  trees: `${DOCS}/git/trees#create-a-tree`,
  gitCommits: `${DOCS}/git/commits#create-a-commit`,
  gitTags: `${DOCS}/git/tags#get-a-tag`,
  tags: `${DOCS}/repos/repos#list-repository-tags`,
  commits: `${DOCS}/commits/commits#get-a-commit`,
  compare: `${DOCS}/commits/commits#compare-two-commits`,
  commitPulls: `${DOCS}/commits/commits#list-pull-requests-associated-with-a-commit`,
  pulls: `${DOCS}/pulls/pulls#create-a-pull-request`,
  getPull: `${DOCS}/pulls/pulls#get-a-pull-request`,
  mergePull: `${DOCS}/pulls/pulls#merge-a-pull-request`,
  users: `${DOCS}/users/users#get-a-user`,
  orgs: `${DOCS}/orgs/orgs#get-an-organization`,
  auth: `${DOCS}/overview/authenticating-to-the-rest-api`,
  rateLimit: `${DOCS}/overview/rate-limits-for-the-rest-api`,
};

/** An error answered with GitHub's body shape `{ message, errors?, documentation_url, status }`. */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly documentationUrl: string,
    readonly errors?: ValidationItem[],
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      documentation_url: this.documentationUrl,
      status: String(this.status),
    };
  }
}

/** 301/307 to the repository's new location after a rename (`/repositories/{id}/...`). */
export class GitHubRedirect extends GitHubApiError {
  constructor(
    status: 301 | 307,
    readonly location: string,
    documentationUrl: string,
  ) {
    super(status, 'Moved Permanently', documentationUrl);
  }

  body(): Record<string, unknown> {
    return {
      message: this.message,
      url: this.location,
      documentation_url: this.documentationUrl,
    };
  }
}

export function notFound(documentationUrl: string): GitHubApiError {
  return new GitHubApiError(404, 'Not Found', documentationUrl);
}

export function validationFailed(
  documentationUrl: string,
  errors: ValidationItem[],
): GitHubApiError {
  return new GitHubApiError(422, 'Validation Failed', documentationUrl, errors);
}

/** `Invalid request.\n\n"x" wasn't supplied.` as GitHub answers a missing required body field. */
export function missingField(
  documentationUrl: string,
  field: string,
): GitHubApiError {
  return new GitHubApiError(
    422,
    `Invalid request.\n\n"${field}" wasn't supplied.`,
    documentationUrl,
  );
}
