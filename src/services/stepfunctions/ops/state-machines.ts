/** State machines and their versions. */
import { isRoleArn } from '../../../aws/arn.js';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  ConflictException,
  InvalidArn,
  InvalidDefinition,
  InvalidLoggingConfiguration,
  InvalidName,
  MissingRequiredParameter,
  StateMachineAlreadyExists,
  StateMachineDoesNotExist,
  ValidationException,
  type CreateStateMachineInput,
  type DeleteStateMachineInput,
  type DeleteStateMachineVersionInput,
  type DescribeStateMachineInput,
  type ListStateMachineVersionsInput,
  type ListStateMachinesInput,
  type PublishStateMachineVersionInput,
  type UpdateStateMachineInput,
  type UpdateStateMachineOutput,
  type ValidateStateMachineDefinitionInput,
  type CreateStateMachineOutput,
  type DescribeStateMachineOutput,
  type LoggingConfiguration,
  type PublishStateMachineVersionOutput,
  type SFNApi,
} from '../../../generated/stepfunctions.js';
import { invalidDefinitionMessage, labelErrorMessage, labelProblem, parseDefinition } from '../validate.js';
import { DEFAULT_ENCRYPTION, NAME_RE, arnParts, resourceTypeNotValid, tagError, tagMap, type SfnCore } from '../core.js';
import type { StateMachineRow } from '../store.js';
import { pageOf, pageSize, readToken } from '../pages.js';


export class StateMachineOps
  implements
    Pick<
      SFNApi,
      | 'CreateStateMachine'
      | 'DescribeStateMachine'
      | 'UpdateStateMachine'
      | 'DeleteStateMachine'
      | 'ListStateMachines'
      | 'ValidateStateMachineDefinition'
      | 'PublishStateMachineVersion'
      | 'DeleteStateMachineVersion'
      | 'ListStateMachineVersions'
    >
{
  constructor(private readonly core: SfnCore) {}

  async CreateStateMachine(ctx: RequestContext, input: CreateStateMachineInput) {
    const name = input.name;
    if (!NAME_RE.test(name)) throw new InvalidName(`Invalid Name: '${name}'`);
    const type = input.type ?? 'STANDARD';
    checkDefinition(input.definition, type);
    if (input.loggingConfiguration) checkLogging(input.loggingConfiguration);
    if (!isRoleArn(input.roleArn ?? '')) throw new InvalidArn(`Invalid Arn: '${input.roleArn}'`);
    if (input.versionDescription !== undefined && input.publish !== true) throw new ValidationException('Version description can only be set when publish is true');
    const arn = this.core.smArn(ctx, name);
    const now = this.core.clock.now();
    const existing = await this.core.store.stateMachine(arn);
    if (existing) {
      if (existing.definition === input.definition && existing.role_arn === input.roleArn && existing.type === type)
        return { stateMachineArn: arn, creationDate: new Date(existing.created) };
      throw new StateMachineAlreadyExists(`State Machine Already Exists: '${arn}'`);
    }
    const tags = tagMap(input.tags);
    const problem = await this.core.store.createStateMachine(
      {
        arn,
        account: ctx.accountId,
        region: ctx.region,
        name,
        definition: input.definition,
        role_arn: input.roleArn,
        type,
        created: now,
        logging: JSON.stringify(normalizeLogging(input.loggingConfiguration)),
        tracing: JSON.stringify(input.tracingConfiguration ?? { enabled: false }),
        revision_id: '',
        encryption: JSON.stringify(input.encryptionConfiguration ?? DEFAULT_ENCRYPTION),
      },
      tags,
    );
    if (problem) throw tagError(problem);
    const out: CreateStateMachineOutput = { stateMachineArn: arn, creationDate: new Date(now) };
    if (input.publish) out.stateMachineVersionArn = (await this.publish(arn, input.versionDescription)).stateMachineVersionArn;
    return out;
  }

  async DescribeStateMachine(ctx: RequestContext, input: DescribeStateMachineInput) {
    const arn = input.stateMachineArn;
    const parts = arnParts(arn);
    if (parts && parts.length === 8 && /^\d+$/.test(parts[7]!)) {
      const v = await this.core.store.version(arn);
      const sm = await this.core.stateMachineOrThrow(ctx, parts.slice(0, 7).join(':'));
      if (!v) throw new StateMachineDoesNotExist(`State Machine Does Not Exist: '${arn}'`);
      const out = describe(sm);
      Object.assign(out, { stateMachineArn: arn, definition: v.definition, roleArn: v.role_arn, creationDate: new Date(v.created) });
      if (v.revision_id) out.revisionId = v.revision_id;
      else delete out.revisionId;
      if (v.description) out.description = v.description;
      return out;
    }
    return describe(await this.core.stateMachineOrThrow(ctx, arn));
  }

  async UpdateStateMachine(ctx: RequestContext, input: UpdateStateMachineInput) {
    const sm = await this.core.stateMachineOrThrow(ctx, input.stateMachineArn);
    if (input.definition === undefined && input.roleArn === undefined && input.loggingConfiguration === undefined && input.tracingConfiguration === undefined)
      throw new MissingRequiredParameter('Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified');
    if (input.versionDescription !== undefined && input.publish !== true) throw new ValidationException('Version description can only be set when publish is true');
    if (input.definition !== undefined) checkDefinition(input.definition, sm.type);
    if (input.loggingConfiguration) checkLogging(input.loggingConfiguration);
    const now = this.core.clock.now();
    const next = {
      definition: input.definition ?? sm.definition,
      role_arn: input.roleArn ?? sm.role_arn,
      logging: input.loggingConfiguration ? JSON.stringify(normalizeLogging(input.loggingConfiguration)) : sm.logging,
      tracing: input.tracingConfiguration ? JSON.stringify(input.tracingConfiguration) : sm.tracing,
    };
    const changed = next.definition !== sm.definition || next.role_arn !== sm.role_arn || next.logging !== sm.logging || next.tracing !== sm.tracing;
    const revision = changed ? randomUUID() : sm.revision_id;
    const encryption = input.encryptionConfiguration ? JSON.stringify(input.encryptionConfiguration) : null;
    await this.core.store.updateStateMachine(sm.arn, { ...next, revision_id: revision, encryption });
    const out: UpdateStateMachineOutput = { updateDate: new Date(now) };
    if (revision) out.revisionId = revision;
    if (input.publish) out.stateMachineVersionArn = (await this.publish(sm.arn, input.versionDescription)).stateMachineVersionArn;
    return out;
  }

  async DeleteStateMachine(ctx: RequestContext, input: DeleteStateMachineInput) {
    const arn = input.stateMachineArn;
    const parts = arnParts(arn);
    if (!parts || parts[5] !== 'stateMachine') throw resourceTypeNotValid(parts?.[5] ?? arn);
    if (parts.length === 8) await this.core.store.deleteVersion(arn);
    else await this.core.store.deleteStateMachine(arn, ctx);
    return {};
  }

  async ListStateMachines(ctx: RequestContext, input: ListStateMachinesInput) {
    const listing = { kind: 'stateMachines', scope: `${ctx.accountId}:${ctx.region}`, key: ['string'] } as const;
    const after = readToken(listing, input.nextToken);
    const size = pageSize(input.maxResults);
    const rows = await this.core.store.listStateMachines(ctx, after?.[0], size + 1);
    const page = pageOf(listing, rows, size, (r) => [r.name]);
    return {
      stateMachines: page.rows.map((r) => ({ stateMachineArn: r.arn, name: r.name, type: r.type, creationDate: new Date(r.created) })),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  async ValidateStateMachineDefinition(_ctx: RequestContext, input: ValidateStateMachineDefinitionInput) {
    const { diagnostics } = parseDefinition(input.definition, input.type);
    const shown = diagnostics.slice(0, input.maxResults ?? 100);
    return {
      result: diagnostics.some((d) => d.severity === 'ERROR') ? ('FAIL' as const) : ('OK' as const),
      diagnostics: shown,
      truncated: diagnostics.length > shown.length,
    };
  }

  async PublishStateMachineVersion(ctx: RequestContext, input: PublishStateMachineVersionInput) {
    const sm = await this.core.stateMachineOrThrow(ctx, input.stateMachineArn);
    return this.publish(sm.arn, input.description, input.revisionId);
  }

  async DeleteStateMachineVersion(_ctx: RequestContext, input: DeleteStateMachineVersionInput) {
    const arn = input.stateMachineVersionArn;
    const parts = arnParts(arn);
    if (!parts || parts[5] !== 'stateMachine' || parts.length !== 8 || !/^\d+$/.test(parts[7]!))
      throw new ValidationException(`Invalid State Machine Version Arn: '${arn}'`);
    const aliases = await this.core.store.aliasesRoutingTo(arn);
    if (aliases.length)
      throw new ConflictException(
        `Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [${aliases.join(', ')}]`,
      );
    await this.core.store.deleteVersion(arn);
    return {};
  }

  async ListStateMachineVersions(ctx: RequestContext, input: ListStateMachineVersionsInput) {
    const sm = await this.core.stateMachineOrThrow(ctx, input.stateMachineArn);
    const listing = { kind: 'versions', scope: sm.arn, key: ['number'] } as const;
    const before = readToken(listing, input.nextToken);
    const size = pageSize(input.maxResults);
    const rows = await this.core.store.listVersions(sm.arn, before?.[0], size + 1);
    const page = pageOf(listing, rows, size, (r) => [r.version]);
    return {
      stateMachineVersions: page.rows.map((r) => ({ stateMachineVersionArn: r.arn, creationDate: new Date(r.created) })),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  private async publish(smArn: string, description: string | undefined, revisionId?: string): Promise<PublishStateMachineVersionOutput> {
    const r = await this.core.store.publishVersion(smArn, description, revisionId, this.core.clock.now());
    if (r.kind === 'missing') throw new StateMachineDoesNotExist(`State Machine Does Not Exist: '${smArn}'`);
    if (r.kind === 'conflict')
      throw new ConflictException(`Failed to publish the State Machine version for revision ${revisionId}. The current State Machine revision is ${r.currentRevision}.`);
    return { stateMachineVersionArn: r.arn, creationDate: new Date(r.created) };
  }
}

function describe(sm: StateMachineRow): DescribeStateMachineOutput {
  return {
    stateMachineArn: sm.arn,
    name: sm.name,
    status: 'ACTIVE',
    definition: sm.definition,
    roleArn: sm.role_arn,
    type: sm.type,
    creationDate: new Date(sm.created),
    loggingConfiguration: sm.logging ? JSON.parse(sm.logging) : { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: sm.tracing ? JSON.parse(sm.tracing) : { enabled: false },
    encryptionConfiguration: sm.encryption ? JSON.parse(sm.encryption) : DEFAULT_ENCRYPTION,
    ...(sm.revision_id ? { revisionId: sm.revision_id } : {}),
  };
}

function checkDefinition(text: string, type?: string): void {
  const { def, diagnostics } = parseDefinition(text, type);
  const errors = diagnostics.filter((d) => d.severity === 'ERROR');
  if (!def || errors.length) throw new InvalidDefinition(invalidDefinitionMessage(errors));
  const label = labelProblem(def);
  if (label) throw new InvalidDefinition(labelErrorMessage(label, text));
}

function checkLogging(cfg: LoggingConfiguration): void {
  const n = cfg.destinations?.length ?? 0;
  if ((cfg.level ?? 'OFF') !== 'OFF' && n !== 1) throw new InvalidLoggingConfiguration('Invalid Logging Configuration: Must specify exactly one Log Destination.');
  if (n > 1) throw new InvalidLoggingConfiguration('Invalid Logging Configuration: Must specify exactly one Log Destination.');
}

/** The stored form of a logging configuration: AWS always answers level and includeExecutionData. */
function normalizeLogging(cfg: LoggingConfiguration | undefined): LoggingConfiguration {
  const out: LoggingConfiguration = { level: cfg?.level ?? 'OFF', includeExecutionData: cfg?.includeExecutionData ?? false };
  if (Array.isArray(cfg?.destinations) && cfg.destinations.length) out.destinations = cfg.destinations;
  return out;
}
