export { ClaimStore } from './ClaimStore';
export {
  createClaimsService,
  withoutRefusedClaims,
  type ClaimsService,
  type ClaimsServiceOptions,
} from './ClaimsService';
export { claimDefaults, claimKeysOf, type ClaimKey } from './claimKeys';
export { readReleasePins } from './releasePins';
