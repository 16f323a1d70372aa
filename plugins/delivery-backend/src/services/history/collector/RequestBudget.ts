/**
 * Caps the optional upstream requests of one collector run (compares of
 * versions, reads of config file versions): once a kind's cap is used up the
 * rest waits for the next run, which resumes from the recorded state.
 */
export class RequestBudget {
  private readonly used = new Map<string, number>();

  constructor(private readonly caps: Record<string, number>) {}

  /** Takes one request of `kind`; false when its cap is used up. */
  take(kind: string): boolean {
    const used = this.used.get(kind) ?? 0;
    if (used >= (this.caps[kind] ?? 0)) return false;
    this.used.set(kind, used + 1);
    return true;
  }

  /** Requests taken so far, per kind. */
  spent(): Record<string, number> {
    return Object.fromEntries(this.used);
  }
}
