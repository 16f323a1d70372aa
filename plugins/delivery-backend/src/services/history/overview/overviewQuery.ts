import type {
  EnvironmentStatus,
  OverviewQuery,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { z } from 'zod';

const STATUSES = [
  'in-sync',
  'deploying',
  'deploy-failed',
  'pending-deploy',
  'drifted',
  'unknown',
] as const satisfies readonly EnvironmentStatus[];

/** Rows per page when `limit` is not given, and the largest `limit`. */
export const OVERVIEW_DEFAULT_LIMIT = 50;
export const OVERVIEW_MAX_LIMIT = 500;

const text = z.string().trim().min(1).max(200);
const count = (max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'must be a non-negative integer')
    .transform(Number)
    .pipe(z.number().int().min(0).max(max));

/**
 * `GET /overview` query parameters (express's parsed query: a repeated
 * `status` is an array); unknown parameters are a 400.
 */
export const overviewQuerySchema = z
  .object({
    owner: text.optional(),
    system: text.optional(),
    status: z
      .union([z.enum(STATUSES), z.array(z.enum(STATUSES)).max(6)])
      .transform(s => (Array.isArray(s) ? s : [s]))
      .optional(),
    notInSync: z
      .enum(['true', 'false'])
      .transform(v => v === 'true')
      .optional(),
    search: text.optional(),
    offset: count(1_000_000).optional(),
    limit: count(OVERVIEW_MAX_LIMIT).optional(),
  })
  .strict() satisfies z.ZodType<OverviewQuery, unknown>;
