/** Something that happened in the sandbox (`GET /events` on the control API). @public */
export interface SandboxEvent {
  id: number;
  time: string;
  type: string;
  [key: string]: unknown;
}

/** Append-only event log. */
export class EventLog {
  private events: SandboxEvent[] = [];
  private nextId = 1;

  add(type: string, details: Record<string, unknown> = {}): SandboxEvent {
    const e: SandboxEvent = {
      ...details,
      id: this.nextId++,
      time: new Date().toISOString(),
      type,
    };
    this.events.push(e);
    if (this.events.length > 1000) this.events.shift();
    return e;
  }

  list(since = 0): SandboxEvent[] {
    return this.events.filter(e => e.id > since);
  }

  clear(): void {
    this.events = [];
  }
}
