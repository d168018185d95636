import type { Clock } from '../../../core/clock.js';
import { GatewayError } from '../gateway-responses.js';
import { dayOf, quotaPeriodStart } from '../quota.js';
import type { Store } from '../store.js';
import type { UsagePlanDoc } from '../types.js';
import { headerValue } from './http-util.js';
import { methodSettings, methodVerb } from './request-context.js';
import type { MethodRequest } from './types.js';

interface TokenBucket {
  tokens: number;
  last: number;
}

/**
 * Stage and method throttling, API keys, and usage plans (their throttles and quotas). Buckets live in
 * this node's memory; quota counts are in SQL.
 */
export class UsageLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async check(req: MethodRequest): Promise<void> {
    const dep = req.dep;
    const verb = methodVerb(req);
    const settings = methodSettings(req);
    if (!this.take(`s/${dep.apiId}/${dep.stageName}/${settings.key}`, settings.effective.throttlingRateLimit, settings.effective.throttlingBurstLimit)) {
      throw new GatewayError('THROTTLED', 'Too Many Requests');
    }
    if (!req.method.apiKeyRequired) return;
    const value = dep.snapshot.apiKeySource === 'AUTHORIZER' ? req.authorizer?.usageIdentifierKey : headerValue(req.headers, 'x-api-key');
    if (!value) throw new GatewayError('INVALID_API_KEY', 'Forbidden');
    const db = this.store.db;
    const key = await this.store.getKeyByValue(db, dep.scope, value);
    if (!key || !key.enabled) throw new GatewayError('INVALID_API_KEY', 'Forbidden');
    let plan: UsagePlanDoc | undefined;
    for (const id of await this.store.plansOfKey(db, dep.scope, key.id)) {
      const p = await this.store.getPlan(db, dep.scope, id);
      if (p?.apiStages.some((s) => s.apiId === dep.apiId && s.stage === dep.stageName)) {
        plan = p;
        break;
      }
    }
    if (!plan) throw new GatewayError('INVALID_API_KEY', 'Forbidden');
    req.apiKey = key;
    req.identity = { ...req.identity, apiKey: key.value, apiKeyId: key.id };
    const apiStage = plan.apiStages.find((s) => s.apiId === dep.apiId && s.stage === dep.stageName)!;
    const methodThrottle = apiStage.throttle?.[`${req.resource.path}/${verb}`];
    if (methodThrottle && !this.take(`m/${plan.id}/${key.id}/${req.resource.path}/${verb}`, methodThrottle.rateLimit ?? Infinity, methodThrottle.burstLimit ?? Infinity)) {
      throw new GatewayError('THROTTLED', 'Too Many Requests');
    }
    if (plan.throttle && !this.take(`p/${plan.id}/${key.id}`, plan.throttle.rateLimit ?? Infinity, plan.throttle.burstLimit ?? Infinity)) {
      throw new GatewayError('THROTTLED', 'Too Many Requests');
    }
    if (plan.quota) {
      const quota = plan.quota;
      const now = this.clock.now();
      const today = dayOf(now);
      const from = quotaPeriodStart(now, quota.period, quota.offset);
      const planId = plan.id;
      const exceeded = await db.tx(async (tx) => {
        const rows = await this.store.usage(tx, dep.scope, planId, key.id, from, today);
        const used = rows.reduce((n, r) => n + r.used, 0);
        if (used >= quota.limit) return true;
        await this.store.addUsage(tx, dep.scope, planId, key.id, today, 1);
        return false;
      });
      if (exceeded) throw new GatewayError('QUOTA_EXCEEDED', 'Limit Exceeded');
    }
  }

  /** Token bucket: `rate` tokens per second, at most `burst` stored. */
  private take(key: string, rate: number, burst: number): boolean {
    if (rate === Infinity && burst === Infinity) return true;
    const now = this.clock.now();
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: burst, last: now };
      this.buckets.set(key, b);
    } else {
      b.tokens = Math.min(burst, b.tokens + ((now - b.last) / 1000) * rate);
      b.last = now;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    return false;
  }
}
