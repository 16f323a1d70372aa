import type { GitHubStore } from '../github';
import type { ChartMuseumState } from '../chartmuseum';
import type { JenkinsState, QueueItem } from '../jenkins';
import type { KubernetesState } from '../kubernetes';
import type { NexusState } from '../nexus';
import type { EventLog } from './events';
import type { EngineContext } from './context';
import { releasesOf, type WorldService } from '../world';

/**
 * One generation of the engine's state, from a (re)seed to the next reset: what a running
 * deploy or code build needs. @public
 */
export interface EngineGeneration {
  ctx: EngineContext;
  store: GitHubStore;
  code: JenkinsState;
  deploy: JenkinsState;
  nexus: NexusState;
  charts: ChartMuseumState;
  k8s: KubernetesState;
  events: EventLog;
  /** Services of repositories found by the org-folder scan (not in the world file). */
  scanned: WorldService[];
  deployDelayMs: number;
  buildDelayMs: number;
  /** Resolves after ms; rejects once the engine was reset or stopped. */
  sleep(ms: number): Promise<void>;
  /** True while this generation is current (not reset/stopped). */
  alive(): boolean;
}

/** Time a queue item waits before its run starts (so clients can see the queue). */
export function quietPeriod(delay: number): number {
  return Math.min(250, Math.floor(delay / 4));
}

/** Value of a run parameter. */
export function param(
  item: QueueItem,
  name: string,
): string | boolean | undefined {
  return item.parameters.find(p => p.name === name)?.value;
}

/** The world's services plus the ones the org-folder scan found. */
export function servicesOf(generation: EngineGeneration): WorldService[] {
  return [...generation.ctx.world.services, ...generation.scanned];
}

/** The service deployed as `release` (dependency alias or chart name). */
export function serviceForRelease(
  generation: EngineGeneration,
  release: string,
): WorldService | undefined {
  return servicesOf(generation).find(s => releasesOf(s).includes(release));
}
