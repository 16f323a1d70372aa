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
} from './loader';
export { generateWorld, type GenerateWorldOptions } from './generate';
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
