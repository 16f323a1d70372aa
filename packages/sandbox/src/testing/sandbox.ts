import {
  randomPorts,
  startSandbox,
  sandboxCredentials,
  type Sandbox,
  type SandboxOptions,
  upstreams,
} from '../sandbox';
import type { FaultSpec } from '../http';

/** Starts a sandbox on free ports with short delays (tests). @public */
export function startTestSandbox(
  options: SandboxOptions = {},
): Promise<Sandbox> {
  return startSandbox({
    ports: randomPorts,
    deployDelayMs: 30,
    buildDelayMs: 30,
    ...options,
  });
}

const basic = (u: string, p: string) =>
  `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

/** Authorization headers of every upstream. @public */
export const auth = {
  code: {
    authorization: basic(
      sandboxCredentials.codeJenkins.username,
      sandboxCredentials.codeJenkins.password,
    ),
  },
  deploy: {
    authorization: basic(
      sandboxCredentials.deployJenkins.username,
      sandboxCredentials.deployJenkins.password,
    ),
  },
  nexus: {
    authorization: basic(
      sandboxCredentials.nexus.username,
      sandboxCredentials.nexus.password,
    ),
  },
  charts: {
    authorization: basic(
      sandboxCredentials.chartMuseum.username,
      sandboxCredentials.chartMuseum.password,
    ),
  },
  github: { authorization: `token ${sandboxCredentials.githubToken}` },
  k8s: { authorization: `Bearer ${sandboxCredentials.kubernetesToken}` },
};

/** GET a JSON document (throws on a non-2xx answer). @public */
export async function getJson<T = unknown>(
  url: string,
  headers: Record<string, string>,
): Promise<T> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${res.status} ${url}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Polls until `check` returns a value (or times out). @public */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('waitFor timed out');
    await new Promise(r => setTimeout(r, 20));
  }
}

/**
 * Injects a fault into one upstream of a running sandbox (in process, the
 * same registry the control API's `POST /faults` fills); returns its id for
 * `sandbox.faults.remove(id)`.
 * @public
 */
export function injectFault(
  sandbox: Pick<Sandbox, 'faults'>,
  spec: FaultSpec,
): number {
  if (
    spec.upstream !== '*' &&
    !(upstreams as readonly string[]).includes(spec.upstream)
  ) {
    throw new Error(
      `injectFault: unknown upstream '${
        spec.upstream
      }' (one of ${upstreams.join(', ')} or *)`,
    );
  }
  return sandbox.faults.add(spec).id;
}
