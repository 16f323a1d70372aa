import { parse } from 'yaml';
import type { World, WorldService } from '../world';
import type { BuildCause, JenkinsJob } from '../jenkins';
import { codeJobSegments } from './context';
import { servicesOf, type EngineGeneration } from './runGeneration';
import { codeJobParameters } from './seedJenkins';

const chartYaml = /^deployments\/kubernetes\/chart\/([^/]+)\/Chart\.yaml$/;

/** Orgs the code Jenkins scans: `settings.codeJenkinsOrgs`, else the services' code repo orgs. */
export function codeJenkinsOrgs(world: World): string[] {
  return (
    world.settings.codeJenkinsOrgs ?? [
      ...new Set(world.services.map(s => s.codeRepo.owner)),
    ]
  );
}

/** True when `owner` is one of the scanned orgs (GitHub logins are case-insensitive). */
export function isScannedOrg(world: World, owner: string): boolean {
  const lower = owner.toLowerCase();
  return codeJenkinsOrgs(world).some(o => o.toLowerCase() === lower);
}

/** A repository an org-folder scan found a `Jenkinsfile` in, at its default branch head. */
export interface ScanResult {
  service: WorldService;
  sha: string;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** The chart of a repo: the first `deployments/kubernetes/chart/<dir>/Chart.yaml`. */
async function readChart(
  generation: EngineGeneration,
  owner: string,
  repo: string,
  sha: string,
): Promise<{ name?: string; apiVersion?: string; description?: string }> {
  const paths = await generation.store.listPaths(owner, repo, sha);
  const path = paths.filter(p => chartYaml.test(p)).sort()[0];
  const text =
    path && (await generation.store.readFile(owner, repo, sha, path));
  if (!text) return {};
  try {
    const doc: unknown = parse(text);
    const rec = (doc && typeof doc === 'object' ? doc : {}) as Record<
      string,
      unknown
    >;
    return {
      name: str(rec.name) ?? chartYaml.exec(path)![1],
      apiVersion: str(rec.apiVersion),
      description: str(rec.description),
    };
  } catch {
    return { name: chartYaml.exec(path)![1] };
  }
}

/**
 * What a GitHub Organization folder finds in one repository: nothing unless the repo lives
 * in a scanned org, has a default branch with commits and a `Jenkinsfile` there; then a
 * service like the world's (multibranch job `<org>/<repo>`, image `<org>/<repo>`, chart
 * from `Chart.yaml`'s name, or the repo name without a chart).
 */
export async function scanRepository(
  generation: EngineGeneration,
  owner: string,
  repo: string,
): Promise<ScanResult | undefined> {
  if (!isScannedOrg(generation.ctx.world, owner)) return undefined;
  const key = `${owner}/${repo}`.toLowerCase();
  const known = servicesOf(generation).some(
    s => `${s.codeRepo.owner}/${s.codeRepo.name}`.toLowerCase() === key,
  );
  if (known) return undefined;
  const branch = generation.store.defaultBranch(owner, repo);
  const sha = branch && (await generation.store.headSha(owner, repo, branch));
  if (!branch || !sha) return undefined;
  if (
    (await generation.store.readFile(owner, repo, sha, 'Jenkinsfile')) ===
    undefined
  )
    return undefined;
  const chart = await readChart(generation, owner, repo, sha);
  const service: WorldService = {
    name: repo,
    description: chart.description ?? '',
    codeRepo: { owner, name: repo, defaultBranch: branch },
    job: { path: `${owner}/${repo}`, type: 'multibranch' },
    image: `${owner.toLowerCase()}/${repo}`,
    chart: chart.name ?? repo,
    chartApiVersion: chart.apiVersion === 'v2' ? 'v2' : 'v1',
    valuesStyle: 'stakater',
    commits: [],
    builds: [],
    branches: [],
    artifacts: [],
  };
  return { service, sha };
}

/** Creates the multibranch project `<org>/<repo>` (folder `<org>` as needed) and its branch job. */
export function addScannedJob(
  generation: EngineGeneration,
  service: WorldService,
): JenkinsJob {
  const branch = service.codeRepo.defaultBranch;
  const segments = codeJobSegments(service, branch);
  const project = generation.code.ensure(segments.slice(0, -1), 'multibranch');
  project.description = `${service.codeRepo.owner}/${service.codeRepo.name} (found by the organization scan)`;
  const job = generation.code.ensure(segments, 'pipeline', branch);
  job.parameterDefinitions = codeJobParameters;
  job.description = project.description;
  generation.scanned.push(service);
  return job;
}

/** Cause of the first run of a branch job that a scan created. */
export const branchIndexingCause: BuildCause = {
  cls: 'jenkins.branch.BranchIndexingCause',
  shortDescription: 'Branch indexing',
};
