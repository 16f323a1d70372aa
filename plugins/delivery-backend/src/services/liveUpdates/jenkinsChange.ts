import { LiveChange, UnreadableWebhook } from './liveChange';

const PHASES = ['QUEUED', 'STARTED', 'COMPLETED', 'FINALIZED'] as const;
type Phase = (typeof PHASES)[number];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a Jenkins run notification: the Notification plugin's JSON
 * (`{ name, url, build: { full_url, number, phase, status, scm } }`) or the
 * same fields sent flat by a Generic Webhook step
 * (`{ full_url, number, phase, status }`).
 */
export function jenkinsChange(payload: unknown): LiveChange {
  if (!isObject(payload))
    throw new UnreadableWebhook('jenkins: the body is not a JSON object');
  const build = isObject(payload.build) ? payload.build : payload;
  const runUrl = build.full_url;
  if (typeof runUrl !== 'string' || !/^https?:\/\//.test(runUrl))
    throw new UnreadableWebhook('jenkins: build.full_url is missing');
  const number = build.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
    throw new UnreadableWebhook('jenkins: build.number is missing');
  const phase = build.phase;
  if (typeof phase !== 'string' || !PHASES.includes(phase as Phase))
    throw new UnreadableWebhook(
      `jenkins: build.phase must be one of ${PHASES.join(', ')}`,
    );
  const status = typeof build.status === 'string' ? build.status : undefined;
  return {
    kind: 'jenkins-run',
    runUrl,
    number,
    phase: phase as Phase,
    ...(status ? { status } : {}),
  };
}
