import { Octokit } from '@octokit/rest';
import { sandboxCredentials } from '@gitops-delivery/sandbox';
import type { TestSandbox } from '../../../../__testUtils__/sandbox';

/** The sandbox GitHub as its token's user. */
export function sandboxOctokit(sandbox: TestSandbox): Octokit {
  return new Octokit({
    baseUrl: `${sandbox.urls.github}/api/v3`,
    auth: sandboxCredentials.githubToken,
  });
}

/**
 * Opens the pull request a promotion opens (branch
 * `delivery/<env>/xposer-<to>`, the pin edited in the requirements file);
 * merges it when `merge` is set and waits until its deploy finished.
 */
export async function promoteXposer(
  sandbox: TestSandbox,
  env: string,
  from: string,
  to: string,
  options: { merge: boolean; path?: string },
): Promise<{ number: number; mergeSha?: string }> {
  const octokit = sandboxOctokit(sandbox);
  const owner = 'gitops';
  const repo = `config-${env}`;
  const path = options.path ?? 'requirements.yaml';
  const head = await octokit.rest.repos.getBranch({
    owner,
    repo,
    branch: 'main',
  });
  const branch = `delivery/${env}/xposer-${to}`;
  await octokit.rest.git.createRef({
    owner,
    repo,
    ref: `refs/heads/${branch}`,
    sha: head.data.commit.sha,
  });
  // the pin, and the image tag in the values file (what the cluster runs)
  for (const [file, edit] of [
    [path, (t: string) => t.replace(`version: ${from}`, `version: ${to}`)],
    ['xposer.yaml', (t: string) => t.split(from).join(to)],
  ] as const) {
    const got = await octokit.rest.repos.getContent({
      owner,
      repo,
      path: file,
      ref: branch,
    });
    const { sha, content } = got.data as { sha: string; content: string };
    const text = Buffer.from(content, 'base64').toString('utf8');
    if (!text.includes(from)) throw new Error(`${repo}/${file} has no ${from}`);
    await octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: file,
      branch,
      sha,
      message: `Promote xposer ${to} to ${env}`,
      content: Buffer.from(edit(text)).toString('base64'),
    });
  }
  const pr = await octokit.rest.pulls.create({
    owner,
    repo,
    head: branch,
    base: 'main',
    title: `Promote xposer ${to} to ${env}`,
  });
  if (!options.merge) return { number: pr.data.number };
  const merged = await octokit.rest.pulls.merge({
    owner,
    repo,
    pull_number: pr.data.number,
  });
  await sandbox.engine.idle();
  return { number: pr.data.number, mergeSha: merged.data.sha };
}
