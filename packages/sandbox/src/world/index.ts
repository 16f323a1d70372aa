export * from './types';
export { worldSchema } from './schema';
export {
  validateWorld,
  WorldValidationError,
  type WorldIssue,
} from './validate';
export {
  parseWorld,
  loadWorldFile,
  loadDefaultWorld,
  defaultWorldPath,
  resolveWorldPath,
  worldsDir,
} from './loader';
export { relativeWorld, worldTimeShift } from './relativeTime';
export {
  DORA_WORLD_NOW,
  doraExpected,
  type DoraExpectedChange,
  type DoraExpectedDeploy,
  type DoraExpectedIncident,
} from './doraExpected';
export { generateWorld, type GenerateWorldOptions } from './generate';
export { expandHistory } from './expandHistory';
export { worldToSeeds, promotionBranch } from './seeds';
export type { RenderContext } from './renderConfig';
export { pinsFile, valuesFile } from './renderConfig';
export {
  normalizeVersion,
  publishedVersions,
  resolvePinnedVersion,
  pinsByCommit,
  failsToDeploy,
  type PublishedVersion,
} from './derive';
