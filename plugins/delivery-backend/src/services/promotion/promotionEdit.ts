import type { ConfigRepoClient } from '../../upstreams/github/ConfigRepoClient';
import { UnprocessableError } from '../../errors';
import { editPin } from './pinEdit';
import type { SafeYamlLimits } from './safeYaml';
import { editValues, ValuesInput } from './valuesEdit';

/** What the file edit of a promotion needs (a subset of the promotion plan). */
export interface PromotionEditPlan {
  client: ConfigRepoClient;
  /** The environment's branch (PR base). */
  baseBranch: string;
  requirementsPath: string;
  valuesPath: string;
  release: string;
  /** The version as published (chart version). */
  version: string;
  /**
   * True when `version` is the chart's own spelling in ChartMuseum: the pin
   * is written exactly so. Otherwise the file's `v` style is kept.
   */
  chartSpelling?: boolean;
  /** The image tag written by the image-tag rule. */
  imageTag: string;
  values?: ValuesInput;
  limits: Required<Pick<SafeYamlLimits, 'maxBytes'>> & SafeYamlLimits;
}

/** The edited files of a promotion at one base commit. */
export interface PromotionEdit {
  /** The pinned version before the edit, as written in the file. */
  previousVersion: string;
  pinChanged: boolean;
  /** New content of every changed file, by path. */
  files: Record<string, string>;
  /** Content of the same files at `base` ('' for a file that does not exist yet). */
  originals: Record<string, string>;
}

/**
 * Reads the requirements and values files at `base` and applies the pin and
 * values edits: the single implementation used by both promote (the commit)
 * and preview (the diff). Throws 422 when the requirements file is missing
 * or a file is unsafe; never writes.
 */
export async function editPromotionFiles(
  plan: PromotionEditPlan,
  base: string,
): Promise<PromotionEdit> {
  const { client } = plan;
  const req = await client.readFile(
    plan.requirementsPath,
    base,
    plan.limits.maxBytes,
  );
  if (!req) {
    throw new UnprocessableError(
      `${plan.requirementsPath} does not exist on ${plan.baseBranch}`,
    );
  }
  const pin = editPin(
    req.content,
    plan.release,
    plan.version,
    plan.requirementsPath,
    plan.limits,
    {
      exactSpelling: plan.chartSpelling,
    },
  );
  const files: Record<string, string> = {};
  const originals: Record<string, string> = {};
  if (pin.changed) {
    files[plan.requirementsPath] = pin.content;
    originals[plan.requirementsPath] = req.content;
  }

  const valuesFile = await client.readFile(
    plan.valuesPath,
    base,
    plan.limits.maxBytes,
  );
  if (valuesFile || plan.values) {
    const edited = editValues(valuesFile?.content ?? '', {
      release: plan.release,
      path: plan.valuesPath,
      values: plan.values,
      previousVersion: pin.previousVersion,
      imageTag: plan.imageTag,
      limits: plan.limits,
    });
    if (edited.changed) {
      files[plan.valuesPath] = edited.content;
      originals[plan.valuesPath] = valuesFile?.content ?? '';
    }
  }
  return {
    previousVersion: pin.previousVersion,
    pinChanged: pin.changed,
    files,
    originals,
  };
}
