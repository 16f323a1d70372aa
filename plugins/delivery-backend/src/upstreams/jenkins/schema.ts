import { z } from 'zod';

const buildResult = z
  .enum(['SUCCESS', 'FAILURE', 'UNSTABLE', 'ABORTED', 'NOT_BUILT'])
  .nullable()
  .optional();

/** A Jenkins action; only the fields our tree query asks for. */
export const actionSchema = z
  .object({
    _class: z.string().optional(),
    parameters: z
      .array(z.object({ name: z.string(), value: z.unknown().optional() }))
      .optional(),
    lastBuiltRevision: z
      .object({
        SHA1: z.string(),
        branch: z.array(z.object({ name: z.string().optional() })).optional(),
      })
      .nullable()
      .optional(),
    remoteUrls: z.array(z.string()).optional(),
  })
  .nullable();

const changeSetItem = z.object({
  commitId: z.string().optional(),
  msg: z.string().optional(),
  timestamp: z.number().optional(),
  author: z.object({ fullName: z.string().optional() }).nullable().optional(),
});

/** One build in the `builds[...]` tree. */
export const buildSchema = z.object({
  number: z.number().int(),
  url: z.string(),
  result: buildResult,
  building: z.boolean().optional(),
  timestamp: z.number(),
  duration: z.number().optional(),
  displayName: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  actions: z.array(actionSchema).optional(),
  changeSets: z
    .array(z.object({ items: z.array(changeSetItem).optional() }))
    .optional(),
});

/** The job document with its build list. */
export const jobBuildsSchema = z.object({
  builds: z.array(buildSchema).optional(),
  allBuilds: z.array(buildSchema).optional(),
});

/** A Jenkins build as returned by our tree query. */
export type JenkinsBuild = z.infer<typeof buildSchema>;
/** A Jenkins action. */
export type JenkinsAction = NonNullable<z.infer<typeof actionSchema>>;

/**
 * The `tree=` expression for the build list: one request per job. From
 * `offset` 0 it reads `builds` (Jenkins caps that list at the newest 100);
 * further back it reads `allBuilds{offset,offset+limit}`, every run Jenkins
 * still keeps (a lazy list: Jenkins loads only the runs in the range).
 */
export function buildsTree(
  limit: number,
  withChangeSets: boolean,
  offset = 0,
): string {
  const actions =
    'actions[_class,parameters[name,value],lastBuiltRevision[SHA1,branch[name]],remoteUrls]';
  const changeSets = withChangeSets
    ? ',changeSets[items[commitId,msg,timestamp,author[fullName]]]'
    : '';
  const fields = `number,url,result,building,timestamp,duration,displayName,description,${actions}${changeSets}`;
  return offset > 0
    ? `allBuilds[${fields}]{${offset},${offset + limit}}`
    : `builds[${fields}]{0,${limit}}`;
}

/** The job document fields a re-sync needs (queue state, running builds, parameters). */
export const jobTriggerSchema = z.object({
  inQueue: z.boolean().optional(),
  queueItem: z
    .object({ id: z.number().int().optional(), url: z.string().optional() })
    .nullable()
    .optional(),
  builds: z
    .array(
      z.object({
        number: z.number().int(),
        url: z.string(),
        building: z.boolean().optional(),
      }),
    )
    .optional(),
  property: z
    .array(
      z
        .object({
          parameterDefinitions: z
            .array(
              z.object({
                name: z.string(),
                defaultParameterValue: z
                  .object({ value: z.unknown().optional() })
                  .nullable()
                  .optional(),
              }),
            )
            .optional(),
        })
        .passthrough(),
    )
    .optional(),
});

/** `tree=` of {@link jobTriggerSchema}. */
export const JOB_TRIGGER_TREE =
  'inQueue,queueItem[id,url],builds[number,url,building]{0,5},property[parameterDefinitions[name,defaultParameterValue[value]]]';
