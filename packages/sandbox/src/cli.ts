/* eslint-disable no-console */
import {
  defaultPorts,
  sandboxCredentials,
  startSandbox,
  type SandboxServer,
  type SandboxOptions,
} from './sandbox';
import { generateWorld } from './world';
import { webhookTargetsFromEnv } from './webhooks';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find(a => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const base = arg('ports-base');
  const ports: Partial<Record<SandboxServer, number>> = {};
  if (base !== undefined) {
    const b = Number(base);
    if (!Number.isInteger(b) || b < 0)
      throw new Error(`--ports-base must be a port number, got ${base}`);
    for (const [name, port] of Object.entries(defaultPorts))
      ports[name as SandboxServer] =
        b === 0 ? 0 : b + (port - defaultPorts.control);
  }
  const delay = arg('deploy-delay-ms');
  const generate = arg('generate');
  let world: SandboxOptions['world'] = arg('world');
  if (generate) {
    // e.g. --generate services=200,builds=5,charts=10,history=6 (months)
    const o = Object.fromEntries(
      generate.split(',').map(kv => {
        const [k, v] = kv.split('=');
        return [k.trim(), Number(v)];
      }),
    );
    world = generateWorld({
      services: o.services,
      buildsPerService: o.builds,
      chartVersions: o.charts,
      history: o.history ? { months: o.history } : undefined,
    });
  }
  const sandbox = await startSandbox({
    world,
    ports,
    host: arg('host'),
    deployDelayMs: delay ? Number(delay) : undefined,
    buildDelayMs: delay ? Number(delay) : undefined,
    webhooks: webhookTargetsFromEnv(process.env),
  });
  const c = sandboxCredentials;
  console.log(`Sandbox world "${sandbox.engine.world.name}" is up:
  control API      ${sandbox.urls.control}   (POST /reset, /faults, /push, /kubectl/set-image, /webhooks; GET /requests, /events, /webhooks)
  code Jenkins     ${sandbox.urls['jenkins-code']}   basic ${c.codeJenkins.username} / ${c.codeJenkins.password}
  deploy Jenkins   ${sandbox.urls['jenkins-deploy']}   basic ${c.deployJenkins.username} / ${c.deployJenkins.password}
  Nexus            ${sandbox.urls.nexus}   basic ${c.nexus.username} / ${c.nexus.password}
  ChartMuseum      ${sandbox.urls.chartmuseum}   basic ${c.chartMuseum.username} / ${c.chartMuseum.password}
  GitHub (GHE)     ${sandbox.urls.github}/api/v3   token ${c.githubToken}
  Kubernetes API   ${sandbox.urls.kubernetes}   bearer ${c.kubernetesToken}`);
  const shutdown = () => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch(e => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
