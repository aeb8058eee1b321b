/**
 * Small least-recently-used caches for plans. pocketfft keeps a similar small plan cache;
 * bounding it keeps memory flat when a program transforms many different lengths.
 */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(
    private readonly capacity: number,
    private readonly onEvict?: (value: V) => void,
  ) {}

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      // re-insert: Map iteration order is insertion order, so the first key is the oldest
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.evictOldest();
  }

  /** Evicts the least recently used entry; false when empty. */
  evictOldest(): boolean {
    const first = this.map.keys().next();
    if (first.done) return false;
    const v = this.map.get(first.value)!;
    this.map.delete(first.value);
    this.onEvict?.(v);
    return true;
  }

  get size(): number {
    return this.map.size;
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }
}
