import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';

/** What every operation knows about the request it serves. */
export interface RequestContext {
  readonly requestId: string;
  /** Account id derived from the access key (default 000000000000). */
  readonly accountId: string;
  /** Region from the SigV4 credential scope (default us-east-1). */
  readonly region: string;
  readonly accessKeyId: string | undefined;
  /** The service's name in Stratus (its model folder name, e.g. 'dynamodb'). */
  readonly service: string;
  operation: string | undefined;
  readonly clock: Clock;
  /** Request headers, lower-cased names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Platform time when the request arrived, ms. */
  readonly receivedAt: number;
  /** The output goes straight to an awsJson serializer, so the operation may return a SerializedJson. */
  readonly jsonWire?: boolean;
}

/** A context for calls Stratus makes itself (Step Functions invoking Lambda, API Gateway integrations...). */
export function internalContext(
  clock: Clock,
  fields: { accountId: string; region: string; service: string; operation?: string; requestId?: string },
): RequestContext {
  return {
    requestId: fields.requestId ?? randomUUID(),
    accountId: fields.accountId,
    region: fields.region,
    accessKeyId: undefined,
    service: fields.service,
    operation: fields.operation,
    clock,
    headers: {},
    receivedAt: clock.now(),
  };
}
