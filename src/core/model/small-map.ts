// A map for a handful of entries: a property table holds at most a dozen
// keys, and a large farm has tens of thousands of tables. A Map costs a
// hash table of its own (some 300 bytes even when nearly empty); this is
// one array of keys and values side by side, searched in order, which for
// a dozen keys is as fast as hashing.

export class SmallMap<K, V> implements Iterable<[K, V]> {
  /** key0, value0, key1, value1, ...; `count` entries are in use. */
  private readonly items: Array<K | V>;
  private count = 0;

  /** `capacity`: the entries expected, so that the array is made once at its size. */
  constructor(capacity = 0) {
    this.items = capacity > 0 ? new Array<K | V>(2 * capacity) : [];
  }

  get size(): number {
    return this.count;
  }

  private indexOf(key: K): number {
    const items = this.items;
    for (let i = 0, n = 2 * this.count; i < n; i += 2) if (items[i] === key) return i;
    return -1;
  }

  get(key: K): V | undefined {
    const i = this.indexOf(key);
    return i < 0 ? undefined : (this.items[i + 1] as V);
  }

  has(key: K): boolean {
    return this.indexOf(key) >= 0;
  }

  set(key: K, value: V): this {
    const i = this.indexOf(key);
    if (i >= 0) {
      this.items[i + 1] = value;
    } else {
      this.items[2 * this.count] = key;
      this.items[2 * this.count + 1] = value;
      this.count++;
    }
    return this;
  }

  // Arrays rather than generators: these run for every table of a large
  // farm, and a generator costs an object per step.
  keys(): K[] {
    const out = new Array<K>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.items[2 * i] as K;
    return out;
  }

  values(): V[] {
    const out = new Array<V>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.items[2 * i + 1] as V;
    return out;
  }

  entries(): Array<[K, V]> {
    const out = new Array<[K, V]>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = [this.items[2 * i] as K, this.items[2 * i + 1] as V];
    return out;
  }

  forEach(f: (value: V, key: K) => void): void {
    for (let i = 0; i < this.count; i++) f(this.items[2 * i + 1] as V, this.items[2 * i] as K);
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries()[Symbol.iterator]();
  }
}
