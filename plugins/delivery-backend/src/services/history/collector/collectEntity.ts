import type {
  DeliveryView,
  PromotionRecord,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EnvironmentConfig } from '../../../configTypes';
import type { HistoryStore } from '../../../database/history';
import type { UpstreamClients } from '../../../upstreams/clients';
import type { ViewTrace } from '../../view/DefaultDeliveryViewService';
import type { RecordedAction, RecordedObservation } from '../types';
import { carriedCommits } from './carriedCommits';
import { type CommitDate, fillDeployVersions } from './deployVersions';
import type { DeployBackfill } from './deployBackfill';
import type { CollectedEntity } from './entityFacts';
import type { RequestBudget } from './RequestBudget';
import {
  observations,
  recordBuild,
  recordBackfilledDeploy,
  recordDeploy,
  sinceCursor,
} from './viewRecords';

/** A status transition the collector recorded. */
export interface Transition {
  observation: RecordedObservation;
  previous?: RecordedObservation;
}

/** What one entity's collection wrote. */
export interface EntityCollection {
  builds: number;
  deploys: number;
  changes: number;
  actions: number;
  transitions: Transition[];
  /** What was left for the next run, and why. */
  notes: string[];
}

interface RunCursor {
  /** Runs numbered up to here are settled and recorded. */
  after?: number;
}

/** Promotions recorded by the promotion service that opened or reused a PR. */
export function promotionActions(records: PromotionRecord[]): RecordedAction[] {
  return records
    .filter(r => r.outcome === 'created' || r.outcome === 'reused')
    .map(r => {
      const a: RecordedAction = {
        entityRef: r.entityRef,
        environment: r.environment,
        kind: 'promotion',
        at: r.createdAt,
        actor: r.actor,
        version: r.toVersion,
        outcome: r.outcome,
      };
      if (r.pullRequestUrl) a.url = r.pullRequestUrl;
      return a;
    });
}

/**
 * Records what one entity's view shows: code builds and deploy runs since
 * their cursors (and not older than `since`), the commits of versions not
 * yet recorded, the status transitions and Delivery's own promotions.
 */
export async function collectEntity(input: {
  facts: CollectedEntity;
  view: DeliveryView;
  trace: ViewTrace;
  environments: readonly EnvironmentConfig[];
  store: HistoryStore;
  clients: Pick<UpstreamClients, 'githubForRepo'>;
  /** The date of a deployed config commit (memoised per run, budgeted). */
  configCommitDate: CommitDate;
  /** A deploy job's older runs, read once per run for entities seen the first time. */
  deployBackfill: DeployBackfill;
  promotions?: { listPromotions(ref: string): Promise<PromotionRecord[]> };
  budget: RequestBudget;
  since: number;
  now: Date;
}): Promise<EntityCollection> {
  const { facts, view, trace, store } = input;
  const { entityRef } = facts;
  const recent = (r: { startedAt: string }) =>
    Date.parse(r.startedAt) >= input.since;

  let builds = 0;
  if (trace.codeJob && view.sources.codeJenkins?.status === 'ok') {
    const source = `code-job:${trace.codeJob.instance}:${trace.codeJob.id}#${entityRef}`;
    const cursor = await store.getCursor<RunCursor>(source);
    const { fresh, next } = sinceCursor(view.builds, cursor?.after);
    const rows = fresh.filter(recent).map(b => recordBuild(entityRef, b));
    await store.putBuilds(rows);
    await store.setCursor(source, { after: next });
    builds = rows.length;
  }

  let deploys = 0;
  const { pinChanges } = await store.entityHistory(entityRef, {
    since: new Date(input.since),
  });
  for (const env of input.environments) {
    if (!facts.environments.includes(env.name)) continue;
    if (view.sources[`deployJenkins:${env.name}`]?.status !== 'ok') continue;
    const source = `deploy-job:${env.deployJob.instance}:${env.deployJob.job}#${entityRef}`;
    const cursor = await store.getCursor<RunCursor>(source);
    const runs = view.deploys.filter(d => d.environment === env.name);
    // first time for this entity here: the job's older runs too (the view has the newest only)
    const older = cursor
      ? []
      : (await input.deployBackfill(env)).filter(
          r => !runs.some(v => v.number === r.number),
        );
    const { fresh, next } = sinceCursor<{ number: number; building: boolean }>(
      [...runs, ...older],
      cursor?.after,
    );
    const freshNumbers = new Set(fresh.map(r => r.number));
    const rows = await fillDeployVersions(
      [
        ...runs.map(d => recordDeploy(entityRef, d)),
        ...older.map(r => recordBackfilledDeploy(entityRef, env.name, r)),
      ].filter(d => freshNumbers.has(d.number) && recent(d)),
      pinChanges,
      input.configCommitDate,
    );
    await store.putDeploys(rows);
    await store.setCursor(source, { after: next });
    deploys += rows.length;
  }

  let changes = 0;
  const notes: string[] = [];
  const repo = trace.code?.codeRepo;
  if (repo?.github) {
    const { owner, repo: name } = repo.remote;
    const carried = await carriedCommits({
      entityRef,
      versions: view.versions,
      done: await store.versionsWithChanges(entityRef),
      repo: {
        github: input.clients.githubForRepo(repo.github, owner, name),
        owner,
        repo: name,
        htmlUrl: `${repo.github.htmlBaseUrl}/${owner}/${name}`,
      },
      budget: input.budget,
    });
    await store.putChanges(carried.changes);
    changes = carried.changes.length;
    notes.push(...carried.notes.map(n => `${entityRef}: ${n}`));
  }

  const transitions: Transition[] = [];
  for (const observation of observations(view, input.now.toISOString())) {
    const { previous, recorded } = await store.observe(observation);
    if (recorded) transitions.push({ observation, previous });
  }

  const actions = input.promotions
    ? promotionActions(await input.promotions.listPromotions(entityRef))
    : [];
  await store.putActions(actions);
  return {
    builds,
    deploys,
    changes,
    actions: actions.length,
    transitions,
    notes,
  };
}
