/**
 * The edge cache: responses kept in memory by cache key, bounded by their total bytes (the least
 * recently used go first), each with the time it was stored and the time it expires (platform
 * clock). Invalidation drops the entries of a distribution whose path matches a path or a
 * `prefix*` wildcard. It is this node's cache, as each CloudFront edge location has its own.
 */

export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  storedAt: number;
  expiresAt: number;
  distributionId: string;
  /** The URI the object was cached for (what invalidation paths match). */
  path: string;
}

export class EdgeCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  get(key: string, now: number): CachedResponse | undefined {
    const e = this.lookup(key, now);
    return e && !e.stale ? e.entry : undefined;
  }

  /**
   * The entry under `key`, fresh or stale: an expired entry with a validator (ETag or
   * Last-Modified) is kept for a conditional request to the origin; one without is dropped.
   */
  lookup(key: string, now: number): { entry: CachedResponse; stale: boolean } | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now >= e.expiresAt) {
      if (e.status === 200 && (e.headers.etag || e.headers['last-modified'])) return { entry: e, stale: true };
      this.remove(key, e);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, e);
    return { entry: e, stale: false };
  }

  put(key: string, e: CachedResponse): void {
    const size = sizeOf(key, e);
    if (size > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, e);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(k, v);
    }
  }

  /** Drops the distribution's entries whose path an invalidation path matches ('*' matches every path). */
  invalidate(distributionId: string, paths: readonly string[]): number {
    const matchers = paths.map((p) => {
      const decoded = safeDecode(p);
      return decoded.endsWith('*') ? { prefix: decoded.slice(0, -1) } : { exact: decoded };
    });
    let dropped = 0;
    for (const [k, v] of this.entries) {
      if (v.distributionId !== distributionId) continue;
      const path = safeDecode(v.path);
      if (matchers.some((m) => (m.exact !== undefined ? m.exact === path : path.startsWith(m.prefix!)))) {
        this.remove(k, v);
        dropped++;
      }
    }
    return dropped;
  }

  /** Drops everything of a distribution (deleted). */
  forget(distributionId: string): void {
    for (const [k, v] of this.entries) if (v.distributionId === distributionId) this.remove(k, v);
  }

  private remove(key: string, e: CachedResponse): void {
    if (this.entries.delete(key)) this.bytes -= sizeOf(key, e);
  }
}

function sizeOf(key: string, e: CachedResponse): number {
  let n = key.length + e.body.length + 200;
  for (const k in e.headers) n += k.length + e.headers[k]!.length;
  return n;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
