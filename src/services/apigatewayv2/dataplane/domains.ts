import type { Scope, Store } from '../store.js';
import type { ApiMappingDoc, DomainDoc } from '../types.js';

/**
 * Custom domain names by host name, in memory so that routing a request never waits on storage:
 * reloaded at once after this process's domain writes (before they are answered) and every second
 * in the background for other nodes' writes.
 */
export class DomainTable {
  private domains = new Map<string, { scope: Scope; doc: DomainDoc }>();
  private started = 0;
  private applied = 0;

  constructor(private readonly store: Store) {}

  /** Reads the table again; a read that started earlier never replaces a later one. */
  async reload(): Promise<void> {
    const seq = ++this.started;
    const all = await this.store.allDomains();
    if (seq < this.applied) return;
    this.applied = seq;
    this.domains = new Map(all.map((d) => [d.doc.DomainName, d]));
  }

  claims(host: string): boolean {
    return this.domains.has(host);
  }

  /** The API mapping a request path selects (the longest mapping key that is a whole-segment prefix) and the path after it. */
  match(host: string, rawPath: string): { scope: Scope; mapping: ApiMappingDoc; rest: string } | undefined {
    const d = this.domains.get(host);
    if (!d) return undefined;
    let best: ApiMappingDoc | undefined;
    for (const m of Object.values(d.doc.mappings)) {
      const key = m.ApiMappingKey;
      const fits = key === '' || rawPath === `/${key}` || rawPath.startsWith(`/${key}/`);
      if (fits && (!best || key.length > best.ApiMappingKey.length)) best = m;
    }
    if (!best) return undefined;
    const rest = best.ApiMappingKey === '' ? rawPath || '/' : rawPath.slice(best.ApiMappingKey.length + 1) || '/';
    return { scope: d.scope, mapping: best, rest };
  }
}
