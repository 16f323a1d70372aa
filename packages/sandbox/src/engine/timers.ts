/** Rejection of sleeps cut short by a reset or stop. */
export class Cancelled extends Error {}

/** Cancellable sleeps (a reset or stop rejects every pending one). */
export class Timers {
  private pending = new Set<{
    timer: NodeJS.Timeout;
    reject: (e: Error) => void;
  }>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve();
        }, ms),
        reject,
      };
      this.pending.add(entry);
    });
  }

  cancelAll(): void {
    for (const t of this.pending) {
      clearTimeout(t.timer);
      t.reject(new Cancelled());
    }
    this.pending.clear();
  }
}
