import type { AuditorService } from '@backstage/backend-plugin-api';

/**
 * The auditor subset every service and route uses (Backstage
 * `coreServices.auditor`, wrapped by the secret redactor in the plugin).
 */
export type DeliveryAuditor = Pick<AuditorService, 'createEvent'>;
