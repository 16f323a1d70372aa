import { Bean } from './tree';
import { jobClass, waitReason, type QueueItem } from './model';
import { color, jobUrl } from './renderJob';

/** A queue item (`Queue$WaitingItem` until it starts, then `Queue$LeftItem` with `executable`). */
export function queueItemBean(base: string, item: QueueItem): Bean {
  const left = item.executable !== undefined || item.cancelled;
  return new Bean(
    left ? 'hudson.model.Queue$LeftItem' : 'hudson.model.Queue$WaitingItem',
    () => ({
      actions: [
        new Bean(
          'hudson.model.ParametersAction',
          () => ({
            parameters: item.parameters.map(
              p =>
                new Bean(
                  p.cls,
                  () => ({ name: p.name, value: p.value }),
                  'all',
                ),
            ),
          }),
          'all',
        ),
        new Bean(
          'hudson.model.CauseAction',
          () => ({
            causes: item.causes.map(
              c =>
                new Bean(
                  c.cls,
                  () => ({
                    shortDescription: c.shortDescription,
                    ...(c.extra ?? {}),
                  }),
                  'all',
                ),
            ),
          }),
          'all',
        ),
      ],
      blocked: false,
      buildable: false,
      id: item.id,
      inQueueSince: item.inQueueSince,
      params: item.parameters.map(p => `\n${p.name}=${p.value}`).join(''),
      stuck: false,
      task: {
        _class: jobClass[item.job.type],
        name: item.job.name,
        url: jobUrl(base, item.job),
        color: color(item.job),
      },
      url: `queue/item/${item.id}/`,
      why: left ? null : waitReason(item),
      ...(left
        ? {
            cancelled: item.cancelled ?? false,
            executable:
              item.executable !== undefined
                ? {
                    _class: 'org.jenkinsci.plugins.workflow.job.WorkflowRun',
                    number: item.executable,
                    url: `${jobUrl(base, item.job)}${item.executable}/`,
                  }
                : null,
          }
        : { timestamp: item.inQueueSince + 5000 }),
    }),
    'all',
  );
}
