import {
  DEFAULT_VERSION_STRATEGIES,
  formatVersionStrategy,
  VersionStrategy,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { toCodeBuild } from '../view/fromJenkinsBuild';
import type { SourceLoader } from '../view/sources';
import type { CodeSide } from '../view/versions/codeSide';
import { resolveBuildVersions } from '../view/versions/resolveVersions';
import type { DeliveryConfig } from '../../configTypes';

/** Strategies the doctor tries when the configured ones find no version. */
const CANDIDATES: VersionStrategy[] = [
  ...DEFAULT_VERSION_STRATEGIES,
  { kind: 'description' },
  { kind: 'file', path: '.version' },
];

/** How many released builds each candidate strategy would give a version, best first. */
export async function probeStrategies(input: {
  loader: SourceLoader;
  config: DeliveryConfig;
  codeJob: { instance: string; id: string };
  code: CodeSide;
  isMovingTag(tag: string): boolean;
}): Promise<Array<{ strategy: string; matched: number }>> {
  const raw = await input.loader.codeBuilds(
    input.codeJob.instance,
    input.codeJob.id,
  );
  const builds = raw.map(b => ({
    raw: b,
    build: toCodeBuild(b, {
      job: input.codeJob.id,
      codeRepo: input.code.codeRepo?.remote,
      aliases: input.config.hostAliases,
    }).build,
  }));
  const out: Array<{ strategy: string; matched: number }> = [];
  for (const s of CANDIDATES) {
    const r = await resolveBuildVersions(builds, {
      strategies: [s],
      isMovingTag: input.isMovingTag,
      sources: input.code.sources,
    });
    out.push({
      strategy: formatVersionStrategy(s),
      matched: r.report[0].matched,
    });
  }
  return out.sort((a, b) => b.matched - a.matched);
}
