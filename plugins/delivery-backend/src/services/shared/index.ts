export type { DeliveryAuditor } from './auditor';
export { resolveEnvironment, userOf } from './environment';
