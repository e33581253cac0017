/** A small LRU of computed results. Keys embed the table version, so new data never serves a stale figure. */
export class ResultCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  constructor(private readonly maxEntries = 500) {}

  /** The cached value for key, computing (once, even under concurrent calls) when absent. Failures are not kept. */
  getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const value = compute();
    this.entries.set(key, value);
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
