/**
 * Fault injection for testing retries and timeouts: rules set with POST /_stratus/faults make
 * matching API calls fail with an error of the service's own (answered by its protocol, in its wire
 * shape and status, as a real one would be) and/or answer late.
 *
 *   {"rules": [{"service": "dynamodb", "operation": "PutItem", "resource": "orders", "probability": 0.5,
 *               "error": "ProvisionedThroughputExceededException", "times": 2, "latencyMs": 100}]}
 *
 * `service` is the name /_stratus/health lists; `operation`, `region` and `resource` (a name or ARN
 * that one of the input's top-level strings names) narrow the match when given; `probability`
 * (default 1) draws per call; `times` stops the rule after that many faults. `error` is a code, or
 * {code, statusCode, message}; the status defaults to the model's for the service's own error shapes.
 */
import { AwsError } from '../aws/errors.js';
import type { ServiceModel } from '../aws/model.js';

export interface FaultRule {
  service: string;
  operation?: string;
  region?: string;
  resource?: string;
  probability: number;
  error?: { code: string; statusCode?: number; message?: string };
  latencyMs?: number;
  /** Faults left before the rule stops (undefined: no end). */
  remaining?: number;
}

/** Statuses of common errors that are not shapes of the service's model. */
const KNOWN_STATUS: Record<string, number> = {
  ThrottlingException: 400,
  Throttling: 400,
  RequestLimitExceeded: 400,
  TooManyRequestsException: 429,
  SlowDown: 503,
  ServiceUnavailable: 503,
  ServiceUnavailableException: 503,
  InternalFailure: 500,
  InternalError: 500,
  InternalServerError: 500,
  InternalServerException: 500,
};

export class FaultRuleError extends Error {}

/** Reads the body of POST /_stratus/faults (`{"rules": [...]}` or the array alone). */
export function parseRules(body: unknown): FaultRule[] {
  const list = Array.isArray(body) ? body : (body as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(list)) throw new FaultRuleError('body must be {"rules": [...]}');
  return list.map((r: Record<string, unknown>, i) => {
    const at = `rules[${i}]`;
    if (typeof r !== 'object' || r === null) throw new FaultRuleError(`${at} must be an object`);
    if (typeof r.service !== 'string' || !r.service) throw new FaultRuleError(`${at}.service must be a service name`);
    for (const k of ['operation', 'region', 'resource'] as const) {
      if (r[k] !== undefined && typeof r[k] !== 'string') throw new FaultRuleError(`${at}.${k} must be a string`);
    }
    const probability = r.probability === undefined ? 1 : Number(r.probability);
    if (!(probability >= 0 && probability <= 1)) throw new FaultRuleError(`${at}.probability must be between 0 and 1`);
    let error: FaultRule['error'];
    if (typeof r.error === 'string') error = { code: r.error };
    else if (r.error && typeof r.error === 'object') {
      const e = r.error as Record<string, unknown>;
      if (typeof e.code !== 'string') throw new FaultRuleError(`${at}.error.code must be a string`);
      if (e.statusCode !== undefined && !(Number.isInteger(e.statusCode) && (e.statusCode as number) >= 400 && (e.statusCode as number) <= 599)) {
        throw new FaultRuleError(`${at}.error.statusCode must be an HTTP error status`);
      }
      error = { code: e.code, statusCode: e.statusCode as number | undefined, message: typeof e.message === 'string' ? e.message : undefined };
    } else if (r.error !== undefined) throw new FaultRuleError(`${at}.error must be an error code or {code, statusCode, message}`);
    const latencyMs = r.latencyMs === undefined ? undefined : Number(r.latencyMs);
    if (latencyMs !== undefined && !(latencyMs >= 0 && latencyMs <= 600_000)) throw new FaultRuleError(`${at}.latencyMs must be 0-600000`);
    if (!error && latencyMs === undefined) throw new FaultRuleError(`${at} needs an error or a latencyMs`);
    const times = r.times === undefined ? undefined : Number(r.times);
    if (times !== undefined && !(Number.isInteger(times) && times >= 1)) throw new FaultRuleError(`${at}.times must be a positive integer`);
    return {
      service: r.service.toLowerCase(),
      operation: r.operation as string | undefined,
      region: r.region as string | undefined,
      resource: r.resource as string | undefined,
      probability,
      error,
      latencyMs,
      remaining: times,
    };
  });
}

export class Faults {
  rules: FaultRule[] = [];

  /** The rule a call matches (drawn by its probability), if any; counts it against its `times`. */
  match(service: string, operation: string, region: string, input: unknown): FaultRule | undefined {
    if (this.rules.length === 0) return undefined;
    for (const rule of this.rules) {
      if (rule.remaining === 0 || rule.service !== service) continue;
      if (rule.operation && rule.operation !== '*' && rule.operation !== operation) continue;
      if (rule.region && rule.region !== region) continue;
      if (rule.resource && !namesResource(input, rule.resource)) continue;
      if (rule.probability < 1 && Math.random() >= rule.probability) continue;
      if (rule.remaining !== undefined) rule.remaining--;
      return rule;
    }
    return undefined;
  }

  /** Applies a matched rule: waits its latency, then throws its error (if it has one). */
  static async apply(rule: FaultRule, model: ServiceModel): Promise<void> {
    if (rule.latencyMs) await new Promise((r) => setTimeout(r, rule.latencyMs));
    if (!rule.error) return;
    const { code } = rule.error;
    const shape = model.shapes[code];
    const status = rule.error.statusCode ?? shape?.error?.httpStatusCode ?? KNOWN_STATUS[code] ?? 400;
    throw new AwsError(code, rule.error.message ?? `Injected fault: ${code}`, status);
  }
}

/** Whether a top-level string of the input is the resource, or its name within an ARN or URL. */
function namesResource(input: unknown, resource: string): boolean {
  if (!input || typeof input !== 'object') return false;
  const tail = (s: string): string => s.slice(Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')) + 1);
  for (const v of Object.values(input as Record<string, unknown>)) {
    if (typeof v !== 'string') continue;
    if (v === resource || tail(v) === resource || tail(resource) === v) return true;
  }
  return false;
}
