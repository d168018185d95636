import { randomUUID } from 'node:crypto';
import { parseLogGroupArn } from '../../../aws/arn.js';
import type { Platform } from '../../service.js';
import type { StageDoc } from '../types.js';
import { clfTime, type GatewayReply, type HttpCall } from './events.js';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Stage throttling: a token bucket per stage and route key with the route's ThrottlingRateLimit
 * (requests per second) and ThrottlingBurstLimit, from RouteSettings or DefaultRouteSettings,
 * refilled on the platform clock.
 */
export class Throttles {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number) {}

  /** Whether the request may go on (false: 429). */
  take(apiId: string, stage: StageDoc, routeKey: string): boolean {
    const settings = { ...stage.DefaultRouteSettings, ...stage.RouteSettings?.[routeKey] } as { ThrottlingRateLimit?: number; ThrottlingBurstLimit?: number };
    const rate = settings.ThrottlingRateLimit;
    const burst = settings.ThrottlingBurstLimit;
    if (rate === undefined && burst === undefined) return true;
    const capacity = burst ?? Math.max(1, Math.ceil(rate ?? 0));
    const perMs = (rate ?? Number.POSITIVE_INFINITY) / 1000;
    const key = `${apiId}/${stage.StageName}/${routeKey}`;
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perMs);
    b.at = now;
    if (this.buckets.size > 10_000) this.buckets.clear();
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

/** Access logs of HTTP API stages (AccessLogSettings) to CloudWatch Logs, when the Logs service is loaded. */
export class AccessLogs {
  private readonly stream = randomUUID().replace(/-/g, '');

  constructor(private readonly platform: Platform) {}

  write(stage: StageDoc, call: HttpCall, reply: GatewayReply, integration: { status?: number; error?: string; latency?: number }): void {
    const settings = stage.AccessLogSettings;
    if (!settings?.DestinationArn || !settings.Format || !this.platform.services.has('logs')) return;
    const group = parseLogGroupArn(settings.DestinationArn);
    if (!group) return;
    const now = this.platform.clock.now();
    const header = (name: string) => call.headerList.find(([k]) => k === name)?.[1];
    const context: Record<string, unknown> = {
      accountId: call.scope.accountId,
      apiId: call.apiId,
      domainName: call.domainName,
      domainPrefix: call.apiId,
      httpMethod: call.method,
      path: call.rawPath,
      protocol: 'HTTP/1.1',
      requestId: call.requestId,
      extendedRequestId: call.requestId,
      requestTime: clfTime(call.timeEpoch),
      requestTimeEpoch: call.timeEpoch,
      responseLatency: Math.max(0, now - call.timeEpoch),
      responseLength: reply.body.length,
      routeKey: call.routeKey,
      stage: call.stage,
      status: reply.status,
      'identity.sourceIp': call.sourceIp,
      'identity.userAgent': header('user-agent'),
      'integration.status': integration.status,
      'integration.error': integration.error,
      'integration.latency': integration.latency,
      integrationErrorMessage: integration.error,
      integrationStatus: integration.status,
    };
    this.emit(stage, context);
  }

  /** Writes one access log line of a stage from `$context` variables (flat keys such as 'identity.sourceIp'). */
  emit(stage: StageDoc, context: Record<string, unknown>): void {
    const settings = stage.AccessLogSettings;
    if (!settings?.DestinationArn || !settings.Format || !this.platform.services.has('logs')) return;
    const group = parseLogGroupArn(settings.DestinationArn);
    if (!group) return;
    const message = settings.Format.replace(/\$\{?context\.([A-Za-z0-9_.]+)\}?/g, (_m, path: string) => {
      const v = context[path];
      return v === undefined || v === null ? '-' : String(v);
    });
    this.platform.logs.put({ accountId: group.account, region: group.region, logGroupName: group.name, logStreamName: this.stream, events: [{ timestamp: this.platform.clock.now(), message }] });
  }
}
