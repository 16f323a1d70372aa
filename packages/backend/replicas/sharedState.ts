import { connect } from 'node:net';
import knex from 'knex';

/** Sends one command to Redis (RESP) and returns its first reply line. */
export function redisCommand(url: string, ...args: string[]): Promise<string> {
  const { hostname, port } = new URL(url);
  const payload = `*${args.length}\r\n${args
    .map(a => `$${Buffer.byteLength(a)}\r\n${a}\r\n`)
    .join('')}`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port || 6379), hostname);
    let reply = '';
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error(`Redis ${args[0]}: no reply in 5 s`));
    });
    socket.on('error', reject);
    socket.on('data', chunk => {
      reply += chunk.toString('utf8');
      const end = reply.indexOf('\r\n');
      if (end >= 0) {
        socket.end();
        const line = reply.slice(0, end);
        if (line.startsWith('-')) reject(new Error(`Redis: ${line.slice(1)}`));
        else resolve(line);
      }
    });
    socket.write(payload);
  });
}

/** The delivery plugin's history collector task (its scheduleHistoryCollector). */
export const HISTORY_TASK_ID = 'delivery-history-collector';

/** The scheduler's row of a global task in the delivery plugin's database. */
export interface TaskRow {
  running: boolean;
  nextRunStartAt: Date;
}

/**
 * Reads the Backstage scheduler's state of a global task of the delivery
 * plugin (table backstage_backend_tasks__tasks in backstage_plugin_delivery,
 * the database both replicas share).
 */
export async function readDeliveryTask(
  postgresUrl: string,
  taskId: string,
): Promise<TaskRow> {
  const db = knex({
    client: 'pg',
    connection: `${postgresUrl}/backstage_plugin_delivery`,
  });
  try {
    const row = await db('backstage_backend_tasks__tasks')
      .where({ id: taskId })
      .first('current_run_ticket', 'next_run_start_at');
    if (!row) throw new Error(`no scheduled task ${taskId}`);
    return {
      running: Boolean(row.current_run_ticket),
      nextRunStartAt: new Date(row.next_run_start_at),
    };
  } finally {
    await db.destroy();
  }
}
