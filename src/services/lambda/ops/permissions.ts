/**
 * Resource-based policies of functions, versions and aliases: stored and shown; function URLs
 * enforce them (urls/auth.ts), other invocations do not yet.
 */
import { randomUUID } from 'node:crypto';
import { accountRootArn, isAccountId } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterValueException,
  PolicyLengthExceededException,
  PreconditionFailedException,
  ResourceConflictException,
  ResourceNotFoundException,
  type AddPermissionRequest,
  type AddPermissionResponse,
  type GetPolicyRequest,
  type GetPolicyResponse,
  type LambdaApi,
  type RemovePermissionRequest,
} from '../../../generated/lambda.js';
import type { Queryable } from '../../../storage/db.js';
import { fnArnBase, isVersionNumber, type LambdaCore } from '../core.js';
import { REVISION_MISMATCH, USER_FAULT } from '../errors.js';
import { MAX_POLICY_BYTES } from '../limits.js';

interface Policy {
  Version: string;
  Id: string;
  Statement: Record<string, unknown>[];
}

type PermissionOperations = 'AddPermission' | 'RemovePermission' | 'GetPolicy';

export class PermissionOps implements Pick<LambdaApi, PermissionOperations> {
  constructor(private readonly core: LambdaCore) {}

  async AddPermission(ctx: RequestContext, input: AddPermissionRequest): Promise<AddPermissionResponse> {
    const { name, qualifier } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    const q = qualifier ?? '';
    const statement = await this.core.db.tx(async (tx) => {
      const resource = await this.policyResource(ctx, tx, name, qualifier);
      const row = await tx.get<{ policy: string; revision: string }>('SELECT policy, revision FROM lambda_policies WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [
        ctx.accountId,
        ctx.region,
        name,
        q,
      ]);
      const policy: Policy = row ? (JSON.parse(row.policy) as Policy) : { Version: '2012-10-17', Id: 'default', Statement: [] };
      if (input.RevisionId !== undefined && row && input.RevisionId !== row.revision) throw new PreconditionFailedException(REVISION_MISMATCH, USER_FAULT);
      if (policy.Statement.some((s) => s.Sid === input.StatementId)) {
        throw new ResourceConflictException('The statement id (sid) provided already exists. Please provide a new statement id, or remove the existing statement.', USER_FAULT);
      }
      const principal = input.Principal;
      const stmt: Record<string, unknown> = {
        Sid: input.StatementId,
        Effect: 'Allow',
        Principal: principal === '*' ? '*' : isAccountId(principal) ? { AWS: accountRootArn({ accountId: principal, region: ctx.region }) } : principal.startsWith('arn:') ? { AWS: principal } : { Service: principal },
        Action: input.Action,
        Resource: resource,
      };
      const condition: Record<string, Record<string, string>> = {};
      if (input.SourceAccount) condition.StringEquals = { 'AWS:SourceAccount': input.SourceAccount };
      if (input.SourceArn) condition.ArnLike = { 'AWS:SourceArn': input.SourceArn };
      if (input.PrincipalOrgID) condition.StringEquals = { ...(condition.StringEquals ?? {}), 'aws:PrincipalOrgID': input.PrincipalOrgID };
      if (input.EventSourceToken) condition.StringEquals = { ...(condition.StringEquals ?? {}), 'lambda:EventSourceToken': input.EventSourceToken };
      if (input.FunctionUrlAuthType) condition.StringEquals = { ...(condition.StringEquals ?? {}), 'lambda:FunctionUrlAuthType': input.FunctionUrlAuthType };
      if (input.InvokedViaFunctionUrl) condition.Bool = { 'lambda:InvokedViaFunctionUrl': 'true' };
      if (Object.keys(condition).length) stmt.Condition = condition;
      policy.Statement.push(stmt);
      const text = JSON.stringify(policy);
      const size = Buffer.byteLength(text);
      if (size > MAX_POLICY_BYTES) throw new PolicyLengthExceededException(`The final policy size (${size}) is bigger than the limit (${MAX_POLICY_BYTES}).`, USER_FAULT);
      await tx.run(
        'INSERT INTO lambda_policies (account, region, name, qualifier, policy, revision) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account, region, name, qualifier) DO UPDATE SET policy = excluded.policy, revision = excluded.revision',
        [ctx.accountId, ctx.region, name, q, text, randomUUID()],
      );
      return stmt;
    });
    return { Statement: JSON.stringify(statement) };
  }

  async RemovePermission(ctx: RequestContext, input: RemovePermissionRequest): Promise<void> {
    const { name, qualifier } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    await this.core.db.tx(async (tx) => {
      await this.core.fnRow(ctx, name, tx);
      const args = [ctx.accountId, ctx.region, name, qualifier ?? ''];
      const row = await tx.get<{ policy: string; revision: string }>('SELECT policy, revision FROM lambda_policies WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', args);
      if (!row) throw new ResourceNotFoundException('No policy is associated with the given resource.', USER_FAULT);
      if (input.RevisionId !== undefined && input.RevisionId !== row.revision) throw new PreconditionFailedException(REVISION_MISMATCH, USER_FAULT);
      const policy = JSON.parse(row.policy) as Policy;
      const before = policy.Statement.length;
      policy.Statement = policy.Statement.filter((s) => s.Sid !== input.StatementId);
      if (policy.Statement.length === before) throw new ResourceNotFoundException('Statement sid is not found in resource policy.', USER_FAULT);
      if (policy.Statement.length === 0) await tx.run('DELETE FROM lambda_policies WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', args);
      else await tx.run('UPDATE lambda_policies SET policy = ?, revision = ? WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [JSON.stringify(policy), randomUUID(), ...args]);
    });
  }

  async GetPolicy(ctx: RequestContext, input: GetPolicyRequest): Promise<GetPolicyResponse> {
    const { name, qualifier } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    await this.core.fnRow(ctx, name);
    const row = await this.core.db.get<{ policy: string; revision: string }>('SELECT policy, revision FROM lambda_policies WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [
      ctx.accountId,
      ctx.region,
      name,
      qualifier ?? '',
    ]);
    if (!row) throw new ResourceNotFoundException('The resource you requested does not exist.', USER_FAULT);
    return { Policy: row.policy, RevisionId: row.revision };
  }

  /** The ARN a policy statement is about: the function, or one of its versions or aliases (which must exist). */
  private async policyResource(ctx: RequestContext, tx: Queryable, name: string, qualifier: string | undefined): Promise<string> {
    await this.core.fnRow(ctx, name, tx);
    const base = `${fnArnBase(ctx)}${name}`;
    if (qualifier === undefined) return base;
    if (qualifier === '$LATEST') throw new InvalidParameterValueException('We currently do not support adding policies for $LATEST.', USER_FAULT);
    const exists = isVersionNumber(qualifier) ? await this.core.versionConfig(ctx, name, qualifier, tx) : await this.core.aliasDoc(ctx, name, qualifier, tx);
    if (!exists) throw new ResourceNotFoundException(`Function not found: ${base}:${qualifier}`, USER_FAULT);
    return `${base}:${qualifier}`;
  }
}
