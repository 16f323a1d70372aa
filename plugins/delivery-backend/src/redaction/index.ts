export { SecretRedactor, REDACTED, configuredSecrets } from './SecretRedactor';
export {
  installSecretRedactor,
  observeRedactedOutput,
  redactSecrets,
  secretRedactor,
} from './registry';
export type { RedactionObserver } from './registry';
export { redactingLogger } from './redactingLogger';
export { redactResponses } from './redactResponses';
export type { ConfiguredSecret } from './secretForms';
export { redactingAuditor } from './redactingAuditor';
