/**
 * Event-source mappings as stored (`lambda_esm`) and as the API shows them, and AWS's checks of a
 * mapping's settings per kind of source (SQS standard and FIFO queues, DynamoDB and Kinesis streams).
 */
import { parseArn } from '../../../aws/arn.js';
import { compileFilterCriteria, FilterCriteriaError } from '../../../aws/event-patterns/lambda.js';
import {
  InvalidParameterValueException,
  type DestinationConfig,
  type EventSourceMappingConfiguration,
  type EventSourcePosition,
  type FilterCriteria,
  type FunctionResponseType,
  type ScalingConfig,
} from '../../../generated/lambda.js';
import type { Migration } from '../../../storage/db.js';
import { USER_FAULT } from '../errors.js';

export const ESM_MIGRATION: Migration = {
  version: 6,
  sql: `
CREATE TABLE IF NOT EXISTS lambda_esm (
  uuid TEXT NOT NULL PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL,
  source_arn TEXT NOT NULL, doc TEXT NOT NULL, created BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS lambda_esm_function ON lambda_esm (account, region, name, uuid);
CREATE INDEX IF NOT EXISTS lambda_esm_source ON lambda_esm (account, region, source_arn, uuid);
`,
};

export type SourceKind = 'sqs' | 'sqs-fifo' | 'dynamodb' | 'kinesis';

/** Whether a kind of source is a stream (shards read in order, starting positions, retries in place) rather than a queue. */
export function isStream(kind: SourceKind): boolean {
  return kind === 'dynamodb' || kind === 'kinesis';
}

/** A mapping's settings (the API's fields it keeps) and what the pollers need. */
export interface MappingDoc {
  UUID: string;
  EventSourceArn: string;
  /** As configured: qualified when the mapping names a version or alias. */
  FunctionArn: string;
  BatchSize: number;
  MaximumBatchingWindowInSeconds: number;
  Enabled: boolean;
  /** Platform ms. */
  LastModified: number;
  FunctionResponseTypes: FunctionResponseType[];
  FilterCriteria?: FilterCriteria;
  ScalingConfig?: ScalingConfig;
  StartingPosition?: EventSourcePosition;
  /** AT_TIMESTAMP (Kinesis): platform ms. */
  StartingPositionTimestamp?: number;
  ParallelizationFactor?: number;
  MaximumRecordAgeInSeconds?: number;
  BisectBatchOnFunctionError?: boolean;
  MaximumRetryAttempts?: number;
  TumblingWindowInSeconds?: number;
  DestinationConfig?: DestinationConfig;
  LastProcessingResult?: string;
  kind: SourceKind;
  name: string;
  qualifier?: string;
  /** LATEST: the stream's next sequence number when the mapping was made (where its shard starts). */
  startSeq?: number;
  /** Kinesis LATEST: when the mapping was made (platform ms); its shards are read from records that arrived since. */
  startTimestamp?: number;
}

export function mappingArn(scope: { accountId: string; region: string }, uuid: string): string {
  return `arn:aws:lambda:${scope.region}:${scope.accountId}:event-source-mapping:${uuid}`;
}

/** The API's view of a mapping in `state` (a transition while an operation acts, else Enabled or Disabled). */
export function shown(doc: MappingDoc, scope: { accountId: string; region: string }, state?: string): EventSourceMappingConfiguration {
  const stream = isStream(doc.kind);
  const out: EventSourceMappingConfiguration = {
    UUID: doc.UUID,
    BatchSize: doc.BatchSize,
    MaximumBatchingWindowInSeconds: doc.MaximumBatchingWindowInSeconds,
    EventSourceArn: doc.EventSourceArn,
    FunctionArn: doc.FunctionArn,
    LastModified: new Date(doc.LastModified),
    State: state ?? (doc.Enabled ? 'Enabled' : 'Disabled'),
    StateTransitionReason: stream ? 'User action' : 'USER_INITIATED',
    FunctionResponseTypes: doc.FunctionResponseTypes,
    EventSourceMappingArn: mappingArn(scope, doc.UUID),
  };
  if (doc.FilterCriteria) out.FilterCriteria = doc.FilterCriteria;
  if (doc.ScalingConfig?.MaximumConcurrency !== undefined) out.ScalingConfig = doc.ScalingConfig;
  if (stream) {
    Object.assign(out, {
      StartingPosition: doc.StartingPosition,
      ...(doc.StartingPositionTimestamp !== undefined ? { StartingPositionTimestamp: new Date(doc.StartingPositionTimestamp) } : {}),
      ParallelizationFactor: doc.ParallelizationFactor,
      MaximumRecordAgeInSeconds: doc.MaximumRecordAgeInSeconds,
      BisectBatchOnFunctionError: doc.BisectBatchOnFunctionError,
      MaximumRetryAttempts: doc.MaximumRetryAttempts,
      TumblingWindowInSeconds: doc.TumblingWindowInSeconds,
      DestinationConfig: doc.DestinationConfig ?? { OnFailure: {} },
      LastProcessingResult: doc.LastProcessingResult ?? 'No records processed',
    });
  }
  return out;
}

function invalid(message: string): InvalidParameterValueException {
  return new InvalidParameterValueException(message, USER_FAULT);
}

/** The kind of source an ARN names, or AWS's error for one Lambda does not poll (Kinesis: none while the Kinesis service is not loaded; consumers of enhanced fan-out are not built). */
export function sourceKind(arn: string, kinesisLoaded: boolean): SourceKind {
  const parsed = parseArn(arn);
  if (parsed?.service === 'sqs') return parsed.resource.endsWith('.fifo') ? 'sqs-fifo' : 'sqs';
  if (parsed?.service === 'dynamodb' && /^table\/[^/]+\/stream\/.+$/.test(parsed.resource)) return 'dynamodb';
  if (parsed?.service === 'kinesis' && kinesisLoaded && /^stream\/[^/]+$/.test(parsed.resource)) return 'kinesis';
  if (parsed?.service === 'kinesis') throw invalid(`Stream not found: ${arn}`);
  throw invalid('Unrecognized event source.');
}

const unsupported = (parameter: string): InvalidParameterValueException => invalid(`Unsupported ${parameter} parameter for given event source mapping type.`);

/** The destination ARN of an OnFailure of a stream mapping: an SQS queue or SNS topic. */
function checkOnFailure(config: DestinationConfig | undefined): void {
  if (!config) return;
  if (config.OnSuccess?.Destination) throw unsupported('DestinationConfig');
  const target = config.OnFailure?.Destination;
  if (target === undefined || target === '') return;
  const service = parseArn(target)?.service;
  if (service !== 'sqs' && service !== 'sns') {
    throw invalid(`The provided destination config DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=${target})) is invalid.`);
  }
}

/**
 * Checks a mapping's settings (after an update's changes are applied) as AWS does for its kind of
 * source; `given` names the parameters the request itself set (a stream-only parameter given for a
 * queue is refused, a default is not).
 */
export function checkSettings(doc: MappingDoc, given: ReadonlySet<string>): void {
  const queue = !isStream(doc.kind);
  if (queue) {
    for (const p of ['StartingPosition', 'StartingPositionTimestamp']) if (given.has(p)) throw invalid(`Unsupported starting position for arn type: ${doc.EventSourceArn}`);
    for (const p of ['BisectBatchOnFunctionError', 'MaximumRetryAttempts', 'MaximumRecordAgeInSeconds', 'ParallelizationFactor', 'TumblingWindowInSeconds', 'DestinationConfig']) {
      if (given.has(p)) throw unsupported(p);
    }
    if (doc.kind === 'sqs-fifo') {
      if (doc.BatchSize > 10) throw invalid('Maximum batch size must be between 1 and 10 inclusive');
      if (doc.MaximumBatchingWindowInSeconds > 0) throw invalid('Batching window is not supported for FIFO queues');
    } else if (doc.BatchSize > 10 && doc.MaximumBatchingWindowInSeconds === 0) {
      throw invalid('Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10');
    }
  } else {
    if (given.has('ScalingConfig')) throw unsupported('ScalingConfig');
    if (!doc.StartingPosition) throw invalid("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
    if (doc.StartingPosition === 'AT_TIMESTAMP' && doc.kind !== 'kinesis') throw invalid(`Unsupported starting position for arn type: ${doc.EventSourceArn}`);
    if (doc.StartingPosition === 'AT_TIMESTAMP' && doc.StartingPositionTimestamp === undefined) throw invalid('StartingPositionTimestamp must be provided for StartingPosition AT_TIMESTAMP.');
    const age = doc.MaximumRecordAgeInSeconds ?? -1;
    if (age !== -1 && age < 60) throw invalid('MaximumRecordAgeInSeconds must be -1 or between 60 and 604800.');
    checkOnFailure(doc.DestinationConfig);
  }
  if (doc.FilterCriteria) {
    try {
      compileFilterCriteria(doc.FilterCriteria, filterSource(doc.kind));
    } catch (e) {
      if (e instanceof FilterCriteriaError) throw invalid(e.message);
      throw e;
    }
  }
}

/** Which record shape a mapping's filter criteria read. */
export function filterSource(kind: SourceKind): 'sqs' | 'dynamodb' | 'kinesis' {
  return kind === 'dynamodb' || kind === 'kinesis' ? kind : 'sqs';
}

/** Defaults of a new mapping of `kind`. */
export function defaults(kind: SourceKind): Partial<MappingDoc> {
  if (isStream(kind)) {
    return { BatchSize: 100, ParallelizationFactor: 1, MaximumRecordAgeInSeconds: -1, BisectBatchOnFunctionError: false, MaximumRetryAttempts: -1, TumblingWindowInSeconds: 0 };
  }
  return { BatchSize: 10 };
}
