import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Sandbox } from '@gitops-delivery/sandbox';

/** A sandbox running in a child process: its URLs and how to stop it. */
export type SandboxProcess = Pick<Sandbox, 'urls' | 'stop'>;

const LABELS: Record<string, keyof Sandbox['urls']> = {
  'control API': 'control',
  'code Jenkins': 'jenkins-code',
  'deploy Jenkins': 'jenkins-deploy',
  Nexus: 'nexus',
  ChartMuseum: 'chartmuseum',
  'GitHub (GHE)': 'github',
  'Kubernetes API': 'kubernetes',
};

/**
 * Starts the sandbox CLI (`packages/sandbox/src/cli.ts`) in a child process
 * on free ports and reads its URLs from what it prints, so a benchmark's
 * figures hold only the measured process's own work (an in-process sandbox
 * answers on the same event loop).
 */
export async function startSandboxProcess(
  world: string,
  deployDelayMs = 50,
): Promise<SandboxProcess> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'packages/sandbox/src/cli.ts'),
      '--world',
      world,
      '--ports-base',
      '0',
      '--deploy-delay-ms',
      String(deployDelayMs),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const urls = await new Promise<Sandbox['urls']>((resolve, reject) => {
    let out = '';
    let err = '';
    const found = {} as Sandbox['urls'];
    child.stdout.on('data', chunk => {
      out += String(chunk);
      for (const [label, key] of Object.entries(LABELS)) {
        const m = new RegExp(
          `${label.replace(/[()]/g, '\\$&')}\\s+(http://\\S+?)(?:/api/v3)?\\s`,
        ).exec(out);
        if (m) found[key] = m[1];
      }
      if (Object.keys(found).length === Object.keys(LABELS).length)
        resolve(found);
    });
    child.stderr.on('data', chunk => (err += String(chunk)));
    child.on('exit', code =>
      reject(new Error(`sandbox exited (${code}): ${err.slice(-500)}`)),
    );
  });
  return {
    urls,
    stop: () =>
      new Promise<void>(resolve => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
