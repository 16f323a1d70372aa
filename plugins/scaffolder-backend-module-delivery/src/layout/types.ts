/** Application skeletons the code repo can start from. */
export type Language = 'go' | 'node';

/** Supported skeleton languages. */
export const LANGUAGES: readonly Language[] = ['go', 'node'];

/** Everything the code-repo generators need; all values already validated. */
export interface CodeRepoSpec {
  /** DNS-safe service name: repo, chart, release and Kubernetes object name. */
  name: string;
  /** GitHub owner of the repo. */
  owner: string;
  /** GitHub host (may include a port), e.g. 127.0.0.1:7105. */
  host: string;
  /** Web URL of the repo, e.g. http://127.0.0.1:7105/stakater/my-service */
  repoHtmlUrl: string;
  description: string;
  language: Language;
  /** Catalog owner entity ref, e.g. group:default/team-xposer */
  componentOwner: string;
  defaultBranch: string;
  /** Docker registry host, e.g. 127.0.0.1:7103 */
  dockerRegistry: string;
  /** ChartMuseum base URL, e.g. http://127.0.0.1:7104 */
  chartRepositoryUrl: string;
  /** Code Jenkins instance name for `delivery/code-job`; omitted = default instance. */
  codeJenkinsInstance?: string;
  /** Environment names for `delivery/environments`. */
  environments: string[];
  /** Initial content of `.version` (the last released version). */
  initialVersion: string;
  /** Port the application listens on. */
  port: number;
}

/** path -> file content. */
export type FileMap = Record<string, string>;

/** Image name in the registry (Docker requires lowercase). */
export function imageName(spec: Pick<CodeRepoSpec, 'owner' | 'name'>): string {
  return `${spec.owner.toLowerCase()}/${spec.name}`;
}

/** Directory of the Helm chart inside the code repo. */
export function chartDir(name: string): string {
  return `deployments/kubernetes/chart/${name}`;
}
