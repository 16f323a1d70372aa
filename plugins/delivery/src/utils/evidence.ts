import type { LinkEvidence } from '@gitops-delivery/backstage-plugin-delivery-common';

const VIA_LABELS: Record<string, string> = {
  displayName: 'build name',
  description: 'build description',
  gitTag: 'git tag',
  commitMessage: 'commit message',
  imageLabel: 'image label',
  buildData: 'Jenkins build data',
  changeSet: 'Jenkins change set',
  github: 'git host',
  sameVersion: 'same version',
  configCommit: 'config commit',
};

/**
 * A readable name of a link rule or version strategy: `gitTag` -> `git tag`,
 * `parameter:VERSION` -> `parameter VERSION`, `file:.version` -> `file .version`.
 * Unknown rules are shown as sent.
 */
export function viaLabel(via: string): string {
  const colon = via.indexOf(':');
  const head = colon < 0 ? via : via.slice(0, colon);
  const arg = colon < 0 ? '' : via.slice(colon + 1);
  if (head === 'parameter' && arg) return `parameter ${arg}`;
  if (head === 'file' && arg) return `file ${arg}`;
  if (head === 'commitMessage' && arg) return 'commit message pattern';
  return VIA_LABELS[via] ?? via;
}

/** `via git tag: tag v1.0.3 points at 1be9c18`. */
export function describeEvidence(evidence: LinkEvidence): string {
  const label = `via ${viaLabel(evidence.via)}`;
  return evidence.detail ? `${label}: ${evidence.detail}` : label;
}

/** A link of a version's chain, as named in the lineage. */
export type LineageLink = 'commit' | 'build' | 'image' | 'chart';

/** `no build in history`, `not in Nexus`, ... : the visible text of a missing link. */
export const MISSING_LINK_TEXT: Record<LineageLink, string> = {
  commit: 'no commit found',
  build: 'no build in history',
  image: 'not in Nexus',
  chart: 'not in ChartMuseum',
};

/** What would supply a missing link of a version, when the view says enough to tell. */
export function missingLinkHint(
  link: LineageLink,
  context: { hasBuild: boolean },
): string {
  switch (link) {
    case 'build':
      return 'no code build in the history names this version; if recent builds should, check delivery.versionFrom in the Setup check';
    case 'commit':
      return context.hasBuild
        ? 'the build recorded no revision of the code repo; a git host alias (delivery.hostAliases) may be missing, see the Setup check'
        : 'the commit is read from the code build, and no build names this version';
    case 'image':
      return 'no image tag in Nexus equals this version (annotation delivery/image)';
    case 'chart':
    default:
      return 'no chart version in ChartMuseum equals this version (annotation delivery/chart)';
  }
}
