import { buildSchema, GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * A subset of GitHub's public GraphQL schema, hand-written: the types, field
 * names, arguments and nullability are GitHub's (docs.github.com/graphql/reference),
 * only fewer of them. Fields not listed here are answered by validation errors,
 * as GitHub answers unknown fields.
 */
export const githubSdl = /* GraphQL */ `
  "An ISO-8601 encoded UTC date string."
  scalar DateTime
  "An RFC 3986, RFC 3987, and RFC 6570 (level 4) compliant URI string."
  scalar URI
  "A Git object ID (40 hexadecimal characters)."
  scalar GitObjectID
  "An ISO-8601 encoded date string. Unlike the DateTime type, GitTimestamp is not converted in UTC."
  scalar GitTimestamp

  type Query {
    "Lookup a given repository by the owner and repository name."
    repository(
      followRenames: Boolean = true
      name: String!
      owner: String!
    ): Repository
    "The client's rate limit information."
    rateLimit(dryRun: Boolean = false): RateLimit
  }

  interface Node {
    id: ID!
  }

  interface Actor {
    avatarUrl(size: Int): URI!
    login: String!
    resourcePath: URI!
    url: URI!
  }

  interface RepositoryOwner {
    avatarUrl(size: Int): URI!
    id: ID!
    login: String!
    resourcePath: URI!
    url: URI!
  }

  type User implements Actor & Node & RepositoryOwner {
    avatarUrl(size: Int): URI!
    id: ID!
    login: String!
    name: String
    resourcePath: URI!
    url: URI!
  }

  type Organization implements Actor & Node & RepositoryOwner {
    avatarUrl(size: Int): URI!
    id: ID!
    login: String!
    name: String
    resourcePath: URI!
    url: URI!
  }

  type Bot implements Actor & Node {
    avatarUrl(size: Int): URI!
    id: ID!
    login: String!
    resourcePath: URI!
    url: URI!
  }

  type RateLimit {
    cost: Int!
    limit: Int!
    nodeCount: Int!
    remaining: Int!
    resetAt: DateTime!
    used: Int!
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
  }

  type Repository implements Node {
    createdAt: DateTime!
    defaultBranchRef: Ref
    description: String
    id: ID!
    isEmpty: Boolean!
    isPrivate: Boolean!
    isTemplate: Boolean!
    name: String!
    nameWithOwner: String!
    object(expression: String, oid: GitObjectID): GitObject
    owner: RepositoryOwner!
    pullRequests(
      after: String
      baseRefName: String
      before: String
      first: Int
      headRefName: String
      labels: [String!]
      last: Int
      orderBy: IssueOrder
      states: [PullRequestState!]
    ): PullRequestConnection!
    pushedAt: DateTime
    ref(qualifiedName: String!): Ref
    resourcePath: URI!
    updatedAt: DateTime!
    url: URI!
  }

  type Ref implements Node {
    id: ID!
    name: String!
    prefix: String!
    repository: Repository!
    target: GitObject
  }

  interface GitObject {
    abbreviatedOid: String!
    commitResourcePath: URI!
    commitUrl: URI!
    id: ID!
    oid: GitObjectID!
    repository: Repository!
  }

  type GitActor {
    avatarUrl(size: Int): URI!
    date: GitTimestamp
    email: String
    name: String
    user: User
  }

  type Commit implements GitObject & Node {
    abbreviatedOid: String!
    additions: Int!
    author: GitActor
    authoredDate: DateTime!
    changedFilesIfAvailable: Int
    commitResourcePath: URI!
    commitUrl: URI!
    committedDate: DateTime!
    committer: GitActor
    deletions: Int!
    file(path: String!): TreeEntry
    history(
      after: String
      before: String
      first: Int
      last: Int
      path: String
      since: GitTimestamp
      until: GitTimestamp
    ): CommitHistoryConnection!
    id: ID!
    message: String!
    messageBody: String!
    messageHeadline: String!
    oid: GitObjectID!
    parents(
      after: String
      before: String
      first: Int
      last: Int
    ): CommitConnection!
    repository: Repository!
    resourcePath: URI!
    tree: Tree!
    treeUrl: URI!
    url: URI!
  }

  type Tree implements GitObject & Node {
    abbreviatedOid: String!
    commitResourcePath: URI!
    commitUrl: URI!
    entries: [TreeEntry!]
    id: ID!
    oid: GitObjectID!
    repository: Repository!
  }

  type TreeEntry {
    extension: String
    isGenerated: Boolean!
    lineCount: Int
    mode: Int!
    name: String!
    object: GitObject
    oid: GitObjectID!
    path: String
    repository: Repository!
    size: Int!
    type: String!
  }

  type Blob implements GitObject & Node {
    abbreviatedOid: String!
    byteSize: Int!
    commitResourcePath: URI!
    commitUrl: URI!
    id: ID!
    isBinary: Boolean
    isTruncated: Boolean!
    oid: GitObjectID!
    repository: Repository!
    text: String
  }

  type Tag implements GitObject & Node {
    abbreviatedOid: String!
    commitResourcePath: URI!
    commitUrl: URI!
    id: ID!
    message: String
    name: String!
    oid: GitObjectID!
    repository: Repository!
    tagger: GitActor
    target: GitObject!
  }

  type CommitEdge {
    cursor: String!
    node: Commit
  }

  type CommitConnection {
    edges: [CommitEdge]
    nodes: [Commit]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type CommitHistoryConnection {
    edges: [CommitEdge]
    nodes: [Commit]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  enum PullRequestState {
    CLOSED
    MERGED
    OPEN
  }

  enum OrderDirection {
    ASC
    DESC
  }

  enum IssueOrderField {
    COMMENTS
    CREATED_AT
    UPDATED_AT
  }

  input IssueOrder {
    direction: OrderDirection!
    field: IssueOrderField!
  }

  type PullRequest implements Node {
    author: Actor
    baseRefName: String!
    baseRefOid: GitObjectID!
    body: String!
    closed: Boolean!
    closedAt: DateTime
    createdAt: DateTime!
    headRefName: String!
    headRefOid: GitObjectID!
    id: ID!
    isDraft: Boolean!
    merged: Boolean!
    mergedAt: DateTime
    number: Int!
    permalink: URI!
    repository: Repository!
    resourcePath: URI!
    state: PullRequestState!
    title: String!
    updatedAt: DateTime!
    url: URI!
  }

  type PullRequestEdge {
    cursor: String!
    node: PullRequest
  }

  type PullRequestConnection {
    edges: [PullRequestEdge]
    nodes: [PullRequest]
    pageInfo: PageInfo!
    totalCount: Int!
  }
`;

const OID = /^[0-9a-f]{40}$/;

function parseOid(value: unknown): string {
  if (typeof value !== 'string' || !OID.test(value)) {
    throw new GraphQLError(
      `Could not coerce value ${JSON.stringify(value)} to GitObjectID`,
    );
  }
  return value;
}

/** The schema, with GitObjectID checked as 40 hexadecimal characters. */
export function buildGitHubSchema() {
  const schema = buildSchema(githubSdl);
  const oid = schema.getType('GitObjectID') as GraphQLScalarType;
  oid.parseValue = parseOid;
  oid.parseLiteral = ast => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('GitObjectID must be a string');
    }
    return parseOid(ast.value);
  };
  return schema;
}
