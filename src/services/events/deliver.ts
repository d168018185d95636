/**
 * The delivery job (`events.deliver`): one event to one target, with the target's retry policy on the
 * platform clock (exponential backoff, at most MaximumRetryAttempts retries, 185 by default, within
 * MaximumEventAgeInSeconds, 24 hours by default), then its dead-letter queue with the documented
 * attributes (RULE_ARN, TARGET_ARN, ERROR_CODE, ERROR_MESSAGE, RETRY_ATTEMPTS and, when a retry
 * condition ended the delivery, EXHAUSTED_RETRY_CONDITION). Errors that retrying cannot mend (a
 * target that does not exist) go to the queue at once. Also the schedule rules' fire job.
 */
import { randomUUID } from 'node:crypto';
import { parseArn } from '../../aws/arn.js';
import type { Job, JobOutcome } from '../../jobs/index.js';
import { asDeliveryError, DeliveryError, send, sendDeadLetter } from '../targets/send.js';
import { SERVICE_EVENT_KIND, type ServiceEvent } from '../targets/service-events.js';
import { DEFAULT_BUS, DELIVER_KIND, RULE_FIRE_KIND, type DeliveryPayload, type EventEnvelope, type EventsCore } from './core.js';
import { apiDestinations, connections, rules } from './store.js';
import { kinesisPartitionKey, targetInput } from './transform.js';

const DEFAULT_MAX_RETRIES = 185;
const DEFAULT_MAX_AGE_S = 86_400;

/** Backoff between attempts: 1 s doubling, at most 5 minutes (AWS adds jitter; this is deterministic). */
export function retryDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** Math.min(attempt, 20), 300_000);
}

export function handleDeliveries(core: EventsCore): void {
  core.jobs.handle<DeliveryPayload>(DELIVER_KIND, (job) => deliverJob(core, job), { concurrency: 16, leaseMs: 120_000 });
  // Events of other services (S3's Object Created...) onto their account's default bus.
  core.jobs.handle<ServiceEvent>(SERVICE_EVENT_KIND, async (job) => {
    const s = { accountId: job.account, region: job.region };
    const now = core.clock.now();
    const count = await core.db.tx(async (tx) => {
      await core.bus(s, DEFAULT_BUS, tx);
      return core.ingest(tx, s, DEFAULT_BUS, job.payload as EventEnvelope, now);
    });
    if (count > 0) core.jobs.wake(DELIVER_KIND, now);
  });
  core.jobs.handle<{ bus: string; name: string }>(RULE_FIRE_KIND, async (job) => {
    const s = { accountId: job.account, region: job.region };
    const now = core.clock.now();
    const count = await core.db.tx(async (tx) => {
      const rule = await rules.get(tx, s, [job.payload.bus, job.payload.name]);
      if (!rule || rule.state === 'DISABLED' || !rule.scheduleExpression) return 0;
      return core.scheduledEvent(tx, s, rule, job.dueAt, now);
    });
    if (count > 0) core.jobs.wake(DELIVER_KIND, now);
  });
}

async function deliverJob(core: EventsCore, job: Job<DeliveryPayload>): Promise<JobOutcome | void> {
  const p = job.payload;
  const t = p.target;
  try {
    const input = targetInput(t, p.event, { ruleArn: p.ruleArn, ruleName: p.ruleName, ingestion: p.ingestion });
    await deliverOne(core, job, p, input);
    return;
  } catch (e) {
    const err = asDeliveryError(e);
    const now = core.clock.now();
    const maxRetries = t.RetryPolicy?.MaximumRetryAttempts ?? DEFAULT_MAX_RETRIES;
    const maxAgeMs = (t.RetryPolicy?.MaximumEventAgeInSeconds ?? DEFAULT_MAX_AGE_S) * 1000;
    const delay = retryDelayMs(job.attempt);
    let exhausted: string | undefined;
    if (err.retryable) {
      if (job.attempt >= maxRetries) exhausted = 'MaximumRetryAttempts';
      else if (now + delay - p.ingestion > maxAgeMs) exhausted = 'MaximumEventAgeInSeconds';
      else return { then: 'retry', delayMs: delay };
    }
    core.platform.log({ service: 'events', msg: 'delivery failed', rule: p.ruleArn, target: t.Arn, code: err.code, error: err.message, attempts: job.attempt + 1 });
    const dlq = t.DeadLetterConfig?.Arn;
    if (!dlq) return;
    const attributes: Record<string, string> = {
      RULE_ARN: p.ruleArn,
      TARGET_ARN: t.Arn,
      ERROR_CODE: err.code,
      ERROR_MESSAGE: err.message,
      RETRY_ATTEMPTS: String(job.attempt),
      ...(exhausted ? { EXHAUSTED_RETRY_CONDITION: exhausted } : {}),
    };
    try {
      await sendDeadLetter(core.platform, dlq, p.event, attributes);
    } catch (dlqError) {
      core.platform.log({ service: 'events', msg: 'dead-letter queue unreachable', dlq, error: String(dlqError) });
    }
  }
}

async function deliverOne(core: EventsCore, job: Job<DeliveryPayload>, p: DeliveryPayload, input: string): Promise<void> {
  const t = p.target;
  const arn = parseArn(t.Arn);
  const event = JSON.parse(p.event) as EventEnvelope;
  if (arn?.service === 'events' && arn.resource.startsWith('event-bus/')) {
    // Another bus (this account's or another's): the event as it is, routed by that bus's rules.
    const s = { accountId: arn.account, region: arn.region };
    const name = arn.resource.slice('event-bus/'.length);
    const now = core.clock.now();
    const bus = await core.bus(s, name);
    if (!bus) throw new DeliveryError('NO_RESOURCE', `Event bus ${name} does not exist.`, false);
    const count = await core.db.tx((tx) => core.ingest(tx, s, name, event, now));
    if (count > 0) core.jobs.wake(DELIVER_KIND, now);
    return;
  }
  if (arn?.service === 'events' && arn.resource.startsWith('api-destination/')) return invokeApiDestination(core, { accountId: arn.account, region: arn.region }, arn.resource, t.HttpParameters, input);
  await send(core.platform, {
    arn: t.Arn,
    payload: input,
    messageGroupId: t.SqsParameters?.MessageGroupId,
    deduplicationId: event.id,
    partitionKey: kinesisPartitionKey(t, event as unknown as Record<string, unknown>, event.id),
    logStreamName: event.id,
    timestamp: Date.parse(event.time),
    requestId: randomUUID(),
  });
  void job;
}

/** An API destination: an HTTP request to its endpoint with its connection's authorization and parameters. */
async function invokeApiDestination(core: EventsCore, s: { accountId: string; region: string }, resource: string, http: import('../../generated/events.js').HttpParameters | undefined, body: string): Promise<void> {
  // api-destination/NAME/UUID, in the target ARN's account and region
  const name = resource.split('/')[1] ?? '';
  const dest = await apiDestinations.get(core.db, s, [name]);
  const connName = dest?.connectionArn.split(':connection/')[1]?.split('/')[0] ?? '';
  const conn = await connections.get(core.db, s, [connName]);
  if (!dest || !conn) throw new DeliveryError('NO_RESOURCE', `Connection for API destination ${name} does not exist.`, false);
  let endpoint = dest.endpoint;
  for (const value of http?.PathParameterValues ?? []) endpoint = endpoint.replace('*', encodeURIComponent(value));
  const url = new URL(endpoint);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Amazon/EventBridge/ApiDestinations' };
  const invocation = conn.auth.InvocationHttpParameters as { HeaderParameters?: { Key?: string; Value?: string }[]; QueryStringParameters?: { Key?: string; Value?: string }[]; BodyParameters?: { Key?: string; Value?: string }[] } | undefined;
  for (const h of invocation?.HeaderParameters ?? []) if (h.Key) headers[h.Key.toLowerCase()] = h.Value ?? '';
  for (const q of invocation?.QueryStringParameters ?? []) if (q.Key) url.searchParams.set(q.Key, q.Value ?? '');
  for (const [k, v] of Object.entries(http?.HeaderParameters ?? {})) headers[k.toLowerCase()] = v;
  for (const [k, v] of Object.entries(http?.QueryStringParameters ?? {})) url.searchParams.set(k, v);
  if (conn.authorizationType === 'API_KEY') headers[String(conn.auth.ApiKeyAuthParameters?.ApiKeyName).toLowerCase()] = String(conn.auth.ApiKeyAuthParameters?.ApiKeyValue ?? '');
  if (conn.authorizationType === 'BASIC') {
    const b = conn.auth.BasicAuthParameters ?? {};
    headers.authorization = `Basic ${Buffer.from(`${b.Username}:${b.Password}`).toString('base64')}`;
  }
  if (conn.authorizationType === 'OAUTH_CLIENT_CREDENTIALS') headers.authorization = `Bearer ${await oauthToken(conn.auth.OAuthParameters ?? {})}`;
  const hasBody = !['GET', 'HEAD'].includes(dest.method);
  let res: Response;
  try {
    res = await fetch(url, { method: dest.method, headers, body: hasBody ? body : undefined, signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
  } catch (e) {
    throw new DeliveryError('SDK_CLIENT_ERROR', `Unable to invoke ${url.origin}: ${e instanceof Error ? e.message : String(e)}`, true);
  }
  if (res.ok) return;
  // AWS retries 401, 407, 409, 429 and 5xx; other 4xx answers are final.
  const retryable = res.status >= 500 || [401, 407, 409, 429].includes(res.status);
  throw new DeliveryError(res.status === 429 ? 'THROTTLING' : 'ERROR_FROM_TARGET', `Received ${res.status} from ${url.origin}.`, retryable);
}

/** An OAuth client-credentials token from the connection's authorization endpoint. */
async function oauthToken(o: Record<string, any>): Promise<string> {
  const url = new URL(String(o.AuthorizationEndpoint));
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${o.ClientParameters?.ClientID}:${o.ClientParameters?.ClientSecret}`).toString('base64')}` };
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  for (const b of o.OAuthHttpParameters?.BodyParameters ?? []) if (b.Key) form.set(b.Key, b.Value ?? '');
  for (const h of o.OAuthHttpParameters?.HeaderParameters ?? []) if (h.Key) headers[h.Key.toLowerCase()] = h.Value ?? '';
  for (const q of o.OAuthHttpParameters?.QueryStringParameters ?? []) if (q.Key) url.searchParams.set(q.Key, q.Value ?? '');
  const method = String(o.HttpMethod ?? 'POST');
  const res = await fetch(url, { method, headers, body: method === 'GET' ? undefined : form.toString(), signal: AbortSignal.timeout(5000) }).catch((e: unknown) => {
    throw new DeliveryError('SDK_CLIENT_ERROR', `Unable to authorize at ${url.origin}: ${String(e)}`, true);
  });
  const json = (await res.json().catch(() => ({}))) as { access_token?: string };
  if (!res.ok || !json.access_token) throw new DeliveryError('ERROR_FROM_TARGET', `Authorization at ${url.origin} failed with ${res.status}.`, res.status >= 500);
  return json.access_token;
}
