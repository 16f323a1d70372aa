import type { AuditorService } from '@backstage/backend-plugin-api';
import type { SecretRedactor } from './SecretRedactor';

/**
 * An auditor that redacts configured secrets from every event's metadata and
 * error (the core auditor logs through the root logger, outside ours).
 */
export function redactingAuditor(
  auditor: AuditorService,
  redactor: () => SecretRedactor,
): AuditorService {
  return {
    async createEvent(options) {
      const r = redactor();
      const event = await auditor.createEvent({
        ...options,
        meta: r.redactValue(options.meta),
      });
      return {
        success: o => event.success(o && { ...o, meta: r.redactValue(o.meta) }),
        fail: o => {
          const error = new Error(r.redact(o.error.message));
          error.name = o.error.name;
          error.stack = o.error.stack ? r.redact(o.error.stack) : undefined;
          return event.fail({ ...o, error, meta: r.redactValue(o.meta) });
        },
      };
    },
  };
}
