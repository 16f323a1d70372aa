import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';

type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
type JsonObject = { [key: string]: JsonValue | undefined };

/** Checkpoint state that survives "restarts": what the scaffolder persists per task. */
export class Checkpoints {
  readonly saved = new Map<string, JsonValue>();
  /** Key whose next run crashes: 'before' its fn, or 'after' its fn ran but before saving. */
  crash?: { key: RegExp; when: 'before' | 'after' };

  checkpoint = async <T extends JsonValue | void>(opts: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T> => {
    if (this.saved.has(opts.key)) return this.saved.get(opts.key) as T;
    const crash =
      this.crash && this.crash.key.test(opts.key) ? this.crash : undefined;
    if (crash) this.crash = undefined;
    if (crash?.when === 'before') throw new Error(`crash before ${opts.key}`);
    const value = await opts.fn();
    if (crash?.when === 'after') throw new Error(`crash after ${opts.key}`);
    this.saved.set(opts.key, (value ?? {}) as JsonValue);
    return value;
  };
}

/** A mock action context with persistent checkpoints and a recorded logger. */
export function actionContext<I extends JsonObject>(
  input: I,
  checkpoints = new Checkpoints(),
  taskId = 'task-1',
): ActionContext<I> & { outputs: Record<string, JsonValue>; logs: string[] } {
  const outputs: Record<string, JsonValue> = {};
  const logs: string[] = [];
  const base = createMockActionContext<I>({ input });
  const record = (level: string) => (message: string, meta?: unknown) => {
    logs.push(`${level} ${message} ${JSON.stringify(meta ?? {})}`);
  };
  const logger = {
    ...base.logger,
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    debug: record('debug'),
    child: () => logger,
  } as unknown as ActionContext<I>['logger'];
  return Object.assign(base, {
    logger,
    task: { id: taskId },
    checkpoint: checkpoints.checkpoint as ActionContext<I>['checkpoint'],
    output: (name: string, value: JsonValue) => {
      outputs[name] = value;
    },
    outputs,
    logs,
  });
}

/** Runs an action's handler with a test context (inputs are validated by the handler itself). */
export function run(
  action: { handler: (ctx: never) => Promise<void> },
  ctx: ReturnType<typeof actionContext>,
): Promise<void> {
  return action.handler(ctx as never);
}
