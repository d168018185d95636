/**
 * Event-source mappings (Create/Get/Update/Delete/ListEventSourceMappings): rows of `lambda_esm`,
 * polled by esm/pollers.ts while enabled. Operations answer the transitional state AWS reports
 * (Creating, Enabling, Disabling, Updating, Deleting); a later read shows where it settled.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterValueException,
  ResourceConflictException,
  ResourceNotFoundException,
  type CreateEventSourceMappingRequest,
  type DeleteEventSourceMappingRequest,
  type EventSourceMappingConfiguration,
  type GetEventSourceMappingRequest,
  type LambdaApi,
  type ListEventSourceMappingsRequest,
  type ListEventSourceMappingsResponse,
  type UpdateEventSourceMappingRequest,
} from '../../../generated/lambda.js';
import { dynamoDbStore } from '../../dynamodb/core.js';
import { parseStreamArn } from '../../dynamodb/streams/core.js';
import { STREAM_RETENTION_MS } from '../../dynamodb/store.js';
import { sqsCoreOf } from '../../sqs/core.js';
import { decodeMarker, encodeMarker, fnArnBase, type LambdaCore, type Scope } from '../core.js';
import { USER_FAULT } from '../errors.js';
import { kinesisClientFor } from '../esm/kinesis.js';
import { checkSettings, defaults, isStream, shown, sourceKind, type MappingDoc, type SourceKind } from '../esm/model.js';
import type { MappingPollers } from '../esm/pollers.js';

type EsmOperations = 'CreateEventSourceMapping' | 'GetEventSourceMapping' | 'UpdateEventSourceMapping' | 'DeleteEventSourceMapping' | 'ListEventSourceMappings';

/** Settings an update may change, copied onto the mapping when given. */
const UPDATABLE = [
  'BatchSize', 'MaximumBatchingWindowInSeconds', 'FilterCriteria', 'FunctionResponseTypes', 'ScalingConfig', 'ParallelizationFactor',
  'MaximumRecordAgeInSeconds', 'BisectBatchOnFunctionError', 'MaximumRetryAttempts', 'TumblingWindowInSeconds', 'DestinationConfig',
] as const;

const notFound = (): ResourceNotFoundException => new ResourceNotFoundException('The resource you requested does not exist.', USER_FAULT);

export class EventSourceOps implements Pick<LambdaApi, EsmOperations> {
  constructor(
    private readonly core: LambdaCore,
    private readonly pollers: MappingPollers,
  ) {}

  async CreateEventSourceMapping(ctx: RequestContext, input: CreateEventSourceMappingRequest): Promise<EventSourceMappingConfiguration> {
    if (input.EventSourceArn === undefined) throw new InvalidParameterValueException('Unrecognized event source.', USER_FAULT);
    const kind = sourceKind(input.EventSourceArn, this.core.platform.services.has('kinesis'));
    const fn = await this.functionOf(ctx, input.FunctionName);
    const given = new Set(Object.keys(input).filter((k) => (input as unknown as Record<string, unknown>)[k] !== undefined));
    const uuid = randomUUID();
    const doc: MappingDoc = {
      ...(defaults(kind) as MappingDoc),
      UUID: uuid,
      EventSourceArn: input.EventSourceArn,
      FunctionArn: fn.arn,
      MaximumBatchingWindowInSeconds: 0,
      Enabled: input.Enabled ?? true,
      LastModified: ctx.clock.now(),
      FunctionResponseTypes: input.FunctionResponseTypes ?? [],
      kind,
      name: fn.name,
      ...(fn.qualifier !== undefined ? { qualifier: fn.qualifier } : {}),
    };
    for (const k of [...UPDATABLE, 'StartingPosition'] as const) if (input[k] !== undefined) (doc as unknown as Record<string, unknown>)[k] = input[k];
    if (input.StartingPositionTimestamp !== undefined) doc.StartingPositionTimestamp = input.StartingPositionTimestamp.getTime();
    checkSettings(doc, given);
    if (kind === 'dynamodb') doc.startSeq = await this.streamStart(ctx, input.EventSourceArn, doc.StartingPosition!);
    else if (kind === 'kinesis') {
      await this.checkKinesisStream(input.EventSourceArn);
      if (doc.StartingPosition === 'LATEST') doc.startTimestamp = ctx.clock.now();
    } else await this.checkQueue(input.EventSourceArn);
    await this.core.db.tx(async (tx) => {
      const existing = await tx.all<{ uuid: string; doc: string }>('SELECT uuid, doc FROM lambda_esm WHERE account = ? AND region = ? AND source_arn = ? AND name = ?', [
        ctx.accountId,
        ctx.region,
        input.EventSourceArn!,
        fn.name,
      ]);
      const same = existing.find((r) => (JSON.parse(r.doc) as MappingDoc).FunctionArn === fn.arn);
      if (same) throw conflict(kind, input.EventSourceArn!, fn.name, same.uuid);
      await tx.run('INSERT INTO lambda_esm (uuid, account, region, name, source_arn, doc, created) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        uuid,
        ctx.accountId,
        ctx.region,
        fn.name,
        input.EventSourceArn!,
        JSON.stringify(doc),
        doc.LastModified,
      ]);
    });
    if (doc.Enabled) await this.pollers.start(uuid, ctx);
    return shown(doc, ctx, 'Creating');
  }

  async GetEventSourceMapping(ctx: RequestContext, input: GetEventSourceMappingRequest): Promise<EventSourceMappingConfiguration> {
    return shown(await this.mapping(ctx, input.UUID), ctx);
  }

  async UpdateEventSourceMapping(ctx: RequestContext, input: UpdateEventSourceMappingRequest): Promise<EventSourceMappingConfiguration> {
    const before = await this.mapping(ctx, input.UUID);
    const doc: MappingDoc = { ...before, LastModified: ctx.clock.now() };
    const given = new Set(Object.keys(input).filter((k) => k !== 'UUID' && (input as unknown as Record<string, unknown>)[k] !== undefined));
    if (input.FunctionName !== undefined) {
      const fn = await this.functionOf(ctx, input.FunctionName);
      doc.FunctionArn = fn.arn;
      doc.name = fn.name;
      if (fn.qualifier !== undefined) doc.qualifier = fn.qualifier;
      else delete doc.qualifier;
    }
    for (const k of UPDATABLE) if (input[k] !== undefined) (doc as unknown as Record<string, unknown>)[k] = input[k];
    // An empty filter list removes the criteria.
    if (input.FilterCriteria && (input.FilterCriteria.Filters ?? []).length === 0) delete doc.FilterCriteria;
    // An empty ScalingConfig removes the limit.
    if (input.ScalingConfig && input.ScalingConfig.MaximumConcurrency === undefined) delete doc.ScalingConfig;
    if (input.Enabled !== undefined) doc.Enabled = input.Enabled;
    checkSettings(doc, given);
    const changed = await this.core.db.run('UPDATE lambda_esm SET doc = ?, name = ? WHERE uuid = ? AND account = ? AND region = ?', [JSON.stringify(doc), doc.name, doc.UUID, ctx.accountId, ctx.region]);
    if (changed.changes === 0) throw notFound();
    this.pollers.changed(doc.UUID);
    if (!doc.Enabled) await this.pollers.stop(doc.UUID);
    else if (!before.Enabled) await this.pollers.start(doc.UUID, ctx);
    else if (!isStream(doc.kind) && JSON.stringify(doc.ScalingConfig) !== JSON.stringify(before.ScalingConfig)) {
      // A queue's pollers hold no position: they start again in the number the new scaling allows.
      await this.pollers.stop(doc.UUID);
      await this.pollers.start(doc.UUID, ctx);
    }
    const state = doc.Enabled === before.Enabled ? 'Updating' : doc.Enabled ? 'Enabling' : 'Disabling';
    return shown(doc, ctx, state);
  }

  async DeleteEventSourceMapping(ctx: RequestContext, input: DeleteEventSourceMappingRequest): Promise<EventSourceMappingConfiguration> {
    const doc = await this.mapping(ctx, input.UUID);
    await this.pollers.stop(doc.UUID);
    await this.core.db.run('DELETE FROM lambda_esm WHERE uuid = ? AND account = ? AND region = ?', [doc.UUID, ctx.accountId, ctx.region]);
    this.pollers.changed(doc.UUID);
    return shown(doc, ctx, 'Deleting');
  }

  async ListEventSourceMappings(ctx: RequestContext, input: ListEventSourceMappingsRequest): Promise<ListEventSourceMappingsResponse> {
    const limit = input.MaxItems ?? 100;
    const after = input.Marker === undefined ? '' : decodeMarker(input.Marker);
    const where = ['account = ?', 'region = ?', 'uuid > ?'];
    const params: string[] = [ctx.accountId, ctx.region, after];
    if (input.FunctionName !== undefined) {
      const { name } = this.core.parseName(ctx, input.FunctionName);
      where.push('name = ?');
      params.push(name);
    }
    if (input.EventSourceArn !== undefined) {
      where.push('source_arn = ?');
      params.push(input.EventSourceArn);
    }
    const rows = await this.core.db.all<{ doc: string }>(`SELECT doc FROM lambda_esm WHERE ${where.join(' AND ')} ORDER BY uuid LIMIT ?`, [...params, String(limit + 1)]);
    const page = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as MappingDoc);
    const out: ListEventSourceMappingsResponse = { EventSourceMappings: page.map((d) => shown(d, ctx)) };
    if (rows.length > limit) out.NextMarker = encodeMarker(page[page.length - 1]!.UUID);
    return out;
  }

  private async mapping(ctx: RequestContext, uuid: string): Promise<MappingDoc> {
    const row = await this.core.db.get<{ doc: string }>('SELECT doc FROM lambda_esm WHERE uuid = ? AND account = ? AND region = ?', [uuid, ctx.accountId, ctx.region]);
    if (!row) throw notFound();
    return JSON.parse(row.doc) as MappingDoc;
  }

  /** The function a mapping invokes (its version or alias must exist), and the ARN the mapping shows. */
  private async functionOf(ctx: RequestContext, functionName: string): Promise<{ name: string; qualifier?: string; arn: string }> {
    const { name, qualifier } = this.core.parseName(ctx, functionName);
    try {
      await this.core.resolve(ctx, name, qualifier);
    } catch (e) {
      if (e instanceof ResourceNotFoundException) throw new InvalidParameterValueException('Function does not exist', USER_FAULT);
      throw e;
    }
    const arn = `${fnArnBase(ctx)}${name}${qualifier !== undefined ? `:${qualifier}` : ''}`;
    return qualifier !== undefined ? { name, qualifier, arn } : { name, arn };
  }

  /** AWS reads the queue's attributes when the mapping is made: the error it passes on for a queue that does not exist. */
  private async checkQueue(arn: string): Promise<void> {
    await this.core.platform.services.get('sqs')?.load();
    const queue = await sqsCoreOf(this.core.platform)?.queueByArn(arn);
    if (!queue) {
      throw new InvalidParameterValueException(
        'Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.',
        USER_FAULT,
      );
    }
  }

  /** AWS reads the Kinesis stream when the mapping is made: a stream that does not exist is refused. */
  private async checkKinesisStream(arn: string): Promise<void> {
    const kinesis = kinesisClientFor(this.core.platform, arn);
    try {
      if (!kinesis) throw new Error('Kinesis is not loaded');
      await kinesis.DescribeStreamSummary({ StreamARN: arn });
    } catch {
      throw new InvalidParameterValueException(`Stream not found: ${arn}`, USER_FAULT);
    }
  }

  /** Checks the stream exists; answers where a LATEST mapping starts (the sequence number after the last record). */
  private async streamStart(scope: Scope, arn: string, position: string): Promise<number | undefined> {
    await this.core.platform.services.get('dynamodb')?.load();
    const store = dynamoDbStore(this.core.platform);
    const parts = parseStreamArn(arn);
    const table = store && parts && parts.account === scope.accountId && parts.region === scope.region ? await store.table(parts.account, parts.region, parts.table) : undefined;
    const stream = table?.streams?.find((s) => s.label === parts!.label && s.disabledAt === undefined);
    if (!store || !stream) throw new InvalidParameterValueException(`Stream not found: ${arn}`, USER_FAULT);
    if (position !== 'LATEST') return undefined;
    const { last } = await store.streamBounds(stream.id, this.core.clock.now() - STREAM_RETENTION_MS);
    return last + 1;
  }
}

function conflict(kind: SourceKind, arn: string, name: string, uuid: string): ResourceConflictException {
  if (isStream(kind)) {
    return new ResourceConflictException(`The event source arn (" ${arn} ") and function (" ${name} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${uuid}`, USER_FAULT);
  }
  return new ResourceConflictException(
    `An event source mapping with SQS arn (" ${arn} ") and function (" ${name} ") already exists. Please update or delete the existing mapping with UUID ${uuid}`,
    USER_FAULT,
  );
}
