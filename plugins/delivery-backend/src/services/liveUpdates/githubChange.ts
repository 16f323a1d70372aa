import { LiveChange, UnreadableWebhook } from './liveChange';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function str(o: Json, key: string, what: string): string {
  const v = o[key];
  if (typeof v !== 'string' || !v)
    throw new UnreadableWebhook(`${what}: ${key} is missing`);
  return v;
}

function repoUrl(payload: Json, what: string): string {
  const repository = payload.repository;
  if (!isObject(repository))
    throw new UnreadableWebhook(`${what}: repository is missing`);
  return str(repository, 'html_url', `${what} repository`);
}

/**
 * Reads a GitHub webhook delivery (`X-GitHub-Event` and its JSON body):
 * `push` to a branch and `pull_request`. Other events (and tag pushes)
 * change nothing we show: undefined.
 */
export function githubChange(
  event: string | undefined,
  payload: unknown,
): LiveChange | undefined {
  if (event !== 'push' && event !== 'pull_request') return undefined;
  if (!isObject(payload))
    throw new UnreadableWebhook(`${event}: the body is not a JSON object`);
  if (event === 'push') {
    const ref = str(payload, 'ref', 'push');
    if (!ref.startsWith('refs/heads/')) return undefined;
    return {
      kind: 'push',
      repoHtmlUrl: repoUrl(payload, 'push'),
      branch: ref.slice('refs/heads/'.length),
      after: str(payload, 'after', 'push'),
    };
  }
  const pull = payload.pull_request;
  if (!isObject(pull))
    throw new UnreadableWebhook('pull_request: pull_request is missing');
  const base = pull.base;
  if (!isObject(base))
    throw new UnreadableWebhook('pull_request: pull_request.base is missing');
  const number = payload.number ?? pull.number;
  if (typeof number !== 'number')
    throw new UnreadableWebhook('pull_request: number is missing');
  return {
    kind: 'pull-request',
    repoHtmlUrl: repoUrl(payload, 'pull_request'),
    action: str(payload, 'action', 'pull_request'),
    number,
    base: str(base, 'ref', 'pull_request.base'),
    merged: pull.merged === true,
  };
}
