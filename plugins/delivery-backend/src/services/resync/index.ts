export { createResyncService, resyncParameters } from './resyncService';
export type {
  ResyncInput,
  ResyncService,
  ResyncServiceOptions,
} from './resyncService';
export { pickSelfHeal, runSelfHeal, SELF_HEAL_ACTOR } from './selfHeal';
export type { SelfHealOptions, SelfHealPick } from './selfHeal';
export { scheduleSelfHeal } from './scheduleSelfHeal';
