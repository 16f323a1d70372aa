import { startTestGitHub, TestGitHub, failure } from '../testing';
import { example, validateResponse } from '../testing/githubOpenApi';

/**
 * Contract test: every response shape the delivery plugin and scaffolder rely on is validated
 * against GitHub's own OpenAPI description (the excerpt in shared/fixtures/upstreams/github).
 */
describe('GitHub simulator conforms to the OpenAPI excerpt', () => {
  let gh: TestGitHub;
  beforeAll(async () => {
    gh = await startTestGitHub();
  });
  afterAll(() => gh.close());
  const repo = { owner: 'gitops', repo: 'config-dev' };
  /** Schema violations found in the current test (asserted empty after each test). */
  let violations: Array<{
    operationId: string;
    status: number;
    errors: unknown[];
  }> = [];
  const ok = (operationId: string, status: number, body: unknown) => {
    const errors = validateResponse(operationId, status, body);
    if (errors.length) violations.push({ operationId, status, errors });
  };
  beforeEach(() => {
    violations = [];
  });

  it('the validator really checks (a sanity check on the converted schemas)', async () => {
    const { data } = await gh.octokit.repos.get({
      owner: 'stakater',
      repo: 'xposer',
    });
    expect(
      validateResponse('repos/get', 200, { ...data, id: 'x' }),
    ).not.toEqual([]);
    const { node_id: _dropped, ...withoutNodeId } = data;
    expect(validateResponse('repos/get', 200, withoutNodeId)).not.toEqual([]);
    expect(
      validateResponse('repos/get', 200, {
        ...data,
        license: null,
        mirror_url: null,
      }),
    ).toEqual([]);
  });

  it('repos/get, get-branch, get-content (file and directory)', async () => {
    ok(
      'repos/get',
      200,
      (await gh.octokit.repos.get({ owner: 'stakater', repo: 'xposer' })).data,
    );
    ok(
      'repos/get-branch',
      200,
      (await gh.octokit.repos.getBranch({ ...repo, branch: 'main' })).data,
    );
    ok(
      'repos/get-content',
      200,
      (
        await gh.octokit.repos.getContent({
          ...repo,
          path: 'xposer/values.yaml',
        })
      ).data,
    );
    ok(
      'repos/get-content',
      200,
      (await gh.octokit.repos.getContent({ ...repo, path: 'xposer' })).data,
    );
    expect(violations).toEqual([]);
  });

  it('repos/create-or-update-file-contents (201 and 200)', async () => {
    const created = await gh.octokit.repos.createOrUpdateFileContents({
      ...repo,
      path: 'c.txt',
      message: 'c',
      content: 'Yw==',
    });
    ok('repos/create-or-update-file-contents', 201, created.data);
    const updated = await gh.octokit.repos.createOrUpdateFileContents({
      ...repo,
      path: 'c.txt',
      message: 'c2',
      content: 'YzI=',
      sha: created.data.content!.sha,
    });
    ok('repos/create-or-update-file-contents', 200, updated.data);
    expect(violations).toEqual([]);
  });

  it('repository creation (org, user, template) and its 422', async () => {
    ok(
      'repos/create-in-org',
      201,
      (
        await gh.octokit.repos.createInOrg({
          org: 'stakater',
          name: 'contract-org',
        })
      ).data,
    );
    ok(
      'repos/create-for-authenticated-user',
      201,
      (
        await gh.octokit.repos.createForAuthenticatedUser({
          name: 'contract-user',
        })
      ).data,
    );
    const generated = await gh.octokit.repos.createUsingTemplate({
      template_owner: 'stakater',
      template_repo: 'xposer',
      owner: 'stakater',
      name: 'contract-tpl',
    });
    ok('repos/create-using-template', 201, generated.data);
    ok(
      'repos/create-in-org',
      422,
      (
        await failure(
          gh.octokit.repos.createInOrg({
            org: 'stakater',
            name: 'contract-org',
          }),
        )
      ).data,
    );
    expect(violations).toEqual([]);
  });

  it('git refs, blobs, trees and commits', async () => {
    const ref = await gh.octokit.git.getRef({ ...repo, ref: 'heads/main' });
    ok('git/get-ref', 200, ref.data);
    const created = await gh.octokit.git.createRef({
      ...repo,
      ref: 'refs/heads/contract',
      sha: ref.data.object.sha,
    });
    ok('git/create-ref', 201, created.data);
    ok(
      'git/create-ref',
      422,
      (
        await failure(
          gh.octokit.git.createRef({
            ...repo,
            ref: 'refs/heads/contract',
            sha: ref.data.object.sha,
          }),
        )
      ).data,
    );
    const blob = await gh.octokit.git.createBlob({ ...repo, content: 'hello' });
    ok('git/create-blob', 201, blob.data);
    const commit = await gh.octokit.git.getCommit({
      ...repo,
      commit_sha: ref.data.object.sha,
    });
    ok('git/get-commit', 200, commit.data);
    const tree = await gh.octokit.git.createTree({
      ...repo,
      base_tree: commit.data.tree.sha,
      tree: [
        { path: 'h.txt', mode: '100644', type: 'blob', sha: blob.data.sha },
      ],
    });
    ok('git/create-tree', 201, tree.data);
    const next = await gh.octokit.git.createCommit({
      ...repo,
      message: 'contract',
      tree: tree.data.sha,
      parents: [ref.data.object.sha],
    });
    ok('git/create-commit', 201, next.data);
    ok(
      'git/update-ref',
      200,
      (
        await gh.octokit.git.updateRef({
          ...repo,
          ref: 'heads/contract',
          sha: next.data.sha,
        })
      ).data,
    );
    ok(
      'git/update-ref',
      422,
      (
        await failure(
          gh.octokit.git.updateRef({
            ...repo,
            ref: 'heads/contract',
            sha: ref.data.object.sha,
          }),
        )
      ).data,
    );
    expect(violations).toEqual([]);
  });

  it('pulls/create (201 and 422) and pulls/list', async () => {
    await gh.store.commitFiles(
      'gitops',
      'config-dev',
      'contract-pr',
      'pr change',
      { 'pr.txt': 'pr\n' },
    );
    const created = await gh.octokit.pulls.create({
      ...repo,
      head: 'contract-pr',
      base: 'main',
      title: 'Contract',
    });
    ok('pulls/create', 201, created.data);
    ok(
      'pulls/create',
      422,
      (
        await failure(
          gh.octokit.pulls.create({
            ...repo,
            head: 'contract-pr',
            base: 'main',
            title: 'Contract',
          }),
        )
      ).data,
    );
    ok(
      'pulls/list',
      200,
      (await gh.octokit.pulls.list({ ...repo, state: 'all' })).data,
    );
    expect(violations).toEqual([]);
  });

  /** Fields GitHub's example carries only in situations the sandbox does not model. */
  const conditional = new Set([
    'parent',
    'source',
    'template_repository',
    'security_and_analysis',
    'code_of_conduct',
    'custom_properties',
    'active_lock_reason',
  ]);
  const missingKeys = (exampleFile: string, body: unknown) => {
    const ex: unknown = example(exampleFile);
    const first = (Array.isArray(ex) ? ex[0] : ex) as object;
    return Object.keys(first).filter(
      k => !conditional.has(k) && !(k in (body as object)),
    );
  };

  it("has every top-level field of GitHub's official examples", async () => {
    expect(
      missingKeys(
        'repos.get.200.default-response',
        (await gh.octokit.repos.get({ owner: 'gitops', repo: 'config-dev' }))
          .data,
      ),
    ).toEqual([]);
    expect(
      missingKeys(
        'repos.get-branch.200.default',
        (await gh.octokit.repos.getBranch({ ...repo, branch: 'main' })).data,
      ),
    ).toEqual([]);
    expect(
      missingKeys(
        'repos.get-content.200.response-if-content-is-a-file',
        (
          await gh.octokit.repos.getContent({
            ...repo,
            path: 'xposer/values.yaml',
          })
        ).data,
      ),
    ).toEqual([]);
    const ref = await gh.octokit.git.getRef({ ...repo, ref: 'heads/main' });
    expect(missingKeys('git.get-ref.200.default', ref.data)).toEqual([]);
    expect(
      missingKeys(
        'git.get-commit.200.default',
        (
          await gh.octokit.git.getCommit({
            ...repo,
            commit_sha: ref.data.object.sha,
          })
        ).data,
      ),
    ).toEqual([]);
    const pulls = await gh.octokit.pulls.list({ ...repo, state: 'all' });
    expect(missingKeys('pulls.list.200.default', pulls.data[0])).toEqual([]);
    expect(
      missingKeys(
        'pulls.create.201.default',
        (await gh.octokit.pulls.get({ ...repo, pull_number: 1 })).data,
      ),
    ).toEqual([]);
  });
});
