import type { z } from 'zod';
import type {
  artifactSchema,
  branchSchema,
  buildSchema,
  commitSchema,
  configCommitSchema,
  deployRunSchema,
  environmentSchema,
  historySchema,
  mergedPullSchema,
  serviceSchema,
  settingsSchema,
  worldSchema,
} from './schema';

/** A validated world (defaults applied). @public */
export type World = z.output<typeof worldSchema>;
/** A world as written in YAML (defaults optional). @public */
export type WorldInput = z.input<typeof worldSchema>;
/** @public */
export type WorldService = z.output<typeof serviceSchema>;
/** @public */
export type WorldCommit = z.output<typeof commitSchema>;
/** @public */
export type WorldBuild = z.output<typeof buildSchema>;
/** @public */
export type WorldBranch = z.output<typeof branchSchema>;
/** @public */
export type WorldArtifact = z.output<typeof artifactSchema>;
/** @public */
export type WorldEnvironment = z.output<typeof environmentSchema>;
/** @public */
export type WorldConfigCommit = z.output<typeof configCommitSchema>;
/** @public */
export type WorldMergedPull = z.output<typeof mergedPullSchema>;
/** @public */
export type WorldDeployRun = z.output<typeof deployRunSchema>;
/** @public */
export type WorldHistory = z.output<typeof historySchema>;
/** A `history:` section as written (defaults optional). @public */
export type WorldHistoryInput = z.input<typeof historySchema>;
/** @public */
export type WorldSettings = z.output<typeof settingsSchema>;

/** Alias used in config repos for a service (its first, when deployed under several). @public */
export function releaseOf(service: WorldService): string {
  return releasesOf(service)[0];
}

/** Every alias a service is deployed under in the config repos. @public */
export function releasesOf(service: WorldService): string[] {
  return service.aliases ?? [service.release ?? service.chart];
}
