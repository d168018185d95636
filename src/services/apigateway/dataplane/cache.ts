import type { Clock } from '../../../core/clock.js';
import { headerValue } from './http-util.js';
import { methodVerb, paramSource, type MethodSettings } from './request-context.js';
import { MAX_CACHE_ENTRIES, type MethodRequest, type Reply } from './types.js';

/** The name a stage's caches go by: `{apiId}/{stageName}`. */
export function stageKey(apiId: string, stageName: string): string {
  return `${apiId}/${stageName}`;
}

/** Bounded maps, one per stage, flushed a stage at a time; past the bound the oldest entry goes. */
export class PerStageCache<V> {
  private readonly stages = new Map<string, Map<string, V>>();

  get(stage: string, key: string): V | undefined {
    return this.stages.get(stage)?.get(key);
  }

  set(stage: string, key: string, value: V): void {
    let entries = this.stages.get(stage);
    if (!entries) this.stages.set(stage, (entries = new Map()));
    if (entries.size >= MAX_CACHE_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, value);
  }

  flush(stage: string): void {
    this.stages.delete(stage);
  }
}

interface CachedReply {
  expires: number;
  reply: Reply;
}

/** The stage cache (cacheClusterEnabled): 2xx replies of methods with caching enabled, for their TTL. */
export class ResponseCache {
  private readonly replies = new PerStageCache<CachedReply>();

  constructor(private readonly clock: Clock) {}

  flush(apiId: string, stageName: string): void {
    this.replies.flush(stageKey(apiId, stageName));
  }

  /** The request's cache key (verb, resource, path and the cache key parameters), or undefined when it is not cached. */
  keyFor(req: MethodRequest, settings: MethodSettings): string | undefined {
    const dep = req.dep;
    if (!dep.stage.cacheClusterEnabled || dep.testInvoke) return undefined;
    if (dep.isCanary && !dep.stage.canarySettings?.useStageCache) return undefined;
    const verb = methodVerb(req);
    const setting = settings.effective;
    const enabled = settings.own ? settings.own.cachingEnabled : setting.cachingEnabled && verb === 'GET';
    if (!enabled || setting.cacheTtlInSeconds <= 0) return undefined;
    const parts = [req.stageRequest.method, req.resource.path, req.stageRequest.path];
    for (const p of req.method.methodIntegration?.cacheKeyParameters ?? []) parts.push(`${p}=${paramSource(req, p) ?? ''}`);
    return parts.join('\u0000');
  }

  /** A copy of the cached reply, unless expired or the client asks past the cache (Cache-Control: max-age=0). */
  lookup(req: MethodRequest, key: string, settings: MethodSettings): Reply | undefined {
    const hit = this.replies.get(stageKey(req.dep.apiId, req.dep.stageName), key);
    const noCache = !settings.effective.requireAuthorizationForCacheControl && /max-age=0/.test(headerValue(req.headers, 'cache-control') ?? '');
    if (!hit || hit.expires <= this.clock.now() || noCache) return undefined;
    return copyReply(hit.reply);
  }

  /** Keeps a 2xx reply for the method's TTL. */
  remember(req: MethodRequest, key: string, settings: MethodSettings, reply: Reply): void {
    if (reply.status < 200 || reply.status >= 300) return;
    const expires = this.clock.now() + settings.effective.cacheTtlInSeconds * 1000;
    this.replies.set(stageKey(req.dep.apiId, req.dep.stageName), key, { expires, reply: copyReply(reply) });
  }
}

function copyReply(r: Reply): Reply {
  return { status: r.status, headers: { ...r.headers }, body: r.body };
}
