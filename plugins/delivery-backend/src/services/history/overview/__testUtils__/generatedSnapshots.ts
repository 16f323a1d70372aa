import type { EnvironmentStatus } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EntitySnapshot } from '../../types';

const STATUSES: EnvironmentStatus[] = [
  'in-sync',
  'in-sync',
  'in-sync',
  'in-sync',
  'deploying',
  'pending-deploy',
  'deploy-failed',
  'drifted',
  'unknown',
];

/**
 * Test and benchmark helper: `services` deterministic snapshots
 * (`component:default/service-0001` ...), one per entity, over
 * `environments`; owners `group:default/team-<n % teams>`, systems
 * `system:default/system-<n % 40>`, even services in sync everywhere and
 * odd ones cycling so that every status occurs; a DORA summary on each.
 */
export function generatedSnapshots(options: {
  services: number;
  environments: readonly string[];
  teams?: number;
  at?: string;
}): EntitySnapshot[] {
  const teams = options.teams ?? 50;
  const at = options.at ?? '2026-11-29T12:00:00.000Z';
  return Array.from({ length: options.services }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return {
      entityRef: `component:default/service-${n}`,
      title: `Service ${n}`,
      owner: `group:default/team-${i % teams}`,
      system: `system:default/system-${i % 40}`,
      environments: options.environments.map((name, e) => {
        // even services are in sync everywhere; odd ones cycle through every status
        const status =
          i % 2 === 0 ? 'in-sync' : STATUSES[(i * 7 + e * 3) % STATUSES.length];
        return {
          name,
          status,
          pinnedVersion: `1.${i % 10}.${e}`,
          runningVersion:
            status === 'drifted' ? `1.${i % 10}.${e + 1}` : `1.${i % 10}.${e}`,
          pinnedAt: new Date(
            Date.parse(at) - (i + e) * 3_600_000,
          ).toISOString(),
          openPromotions: (i + e) % 3 === 0 ? 1 : 0,
        };
      }),
      dora: {
        days: 30,
        deploysPerWeek: (i % 20) / 4,
        leadTimeMedianHours: i % 5 ? (i % 200) + 0.5 : null,
        changeFailureRate: i % 5 ? (i % 10) / 20 : null,
        timeToRestoreMedianHours: i % 7 ? (i % 48) + 0.25 : null,
        band: (['elite', 'high', 'medium', 'low'] as const)[i % 4],
      },
      snapshotAt: new Date(Date.parse(at) - (i % 60) * 1000).toISOString(),
    };
  });
}
