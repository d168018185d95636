/**
 * User pool domains: a prefix domain (`{prefix}.auth.{region}.amazoncognito.com`, here also
 * `{prefix}.auth.{region}.localhost`) or a custom domain with its certificate, one per pool; the
 * hosted UI and OAuth 2.0 endpoints (hosted/) are served on it.
 */
import { createHash } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import type { Queryable } from '../../../storage/db.js';
import {
  InvalidParameterException,
  ResourceNotFoundException,
  type CognitoIdentityProviderApi as Api,
  type CreateUserPoolDomainRequest,
  type CustomDomainConfigType,
  type DomainDescriptionType,
  type UpdateUserPoolDomainRequest,
} from '../../../generated/cognito-idp.js';
import type { CognitoCore } from '../core.js';

type Ops = 'CreateUserPoolDomain' | 'DescribeUserPoolDomain' | 'UpdateUserPoolDomain' | 'DeleteUserPoolDomain';

export interface StoredDomain {
  Domain: string;
  UserPoolId: string;
  AWSAccountId: string;
  CustomDomainConfig?: CustomDomainConfigType;
  ManagedLoginVersion?: number;
  /** The CloudFront distribution AWS puts in front of a domain (a stable made-up name here). */
  CloudFrontDistribution: string;
}

/** AWS's rule for a prefix: lower-case letters, digits and hyphens, not starting or ending with a hyphen, no reserved words. */
const PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED = ['aws', 'amazon', 'cognito'];

export async function domainRecord(q: Queryable, domain: string): Promise<StoredDomain | undefined> {
  const row = await q.get<{ doc: string }>('SELECT doc FROM cognito_domains WHERE domain = ?', [domain]);
  return row ? (JSON.parse(row.doc) as StoredDomain) : undefined;
}

function distribution(domain: string): string {
  return `d${createHash('sha256').update(domain).digest('hex').slice(0, 13)}.cloudfront.net`;
}

export class DomainOps implements Pick<Api, Ops> {
  constructor(private readonly core: CognitoCore) {}

  async CreateUserPoolDomain(ctx: RequestContext, input: CreateUserPoolDomainRequest) {
    const custom = input.CustomDomainConfig !== undefined;
    if (!custom && (!PREFIX.test(input.Domain) || RESERVED.some((w) => input.Domain.includes(w)))) {
      throw new InvalidParameterException(`Domain ${input.Domain} is not valid. Domain prefix can only contain lower-case letters, numbers, and hyphens, and cannot contain the reserved words aws, amazon, or cognito.`);
    }
    if (input.ManagedLoginVersion !== undefined && input.ManagedLoginVersion !== 1 && input.ManagedLoginVersion !== 2) throw new InvalidParameterException('ManagedLoginVersion must be 1 or 2.');
    const record: StoredDomain = {
      Domain: input.Domain,
      UserPoolId: input.UserPoolId,
      AWSAccountId: ctx.accountId,
      ...(custom ? { CustomDomainConfig: input.CustomDomainConfig } : {}),
      ...(input.ManagedLoginVersion !== undefined ? { ManagedLoginVersion: input.ManagedLoginVersion } : {}),
      CloudFrontDistribution: distribution(input.Domain),
    };
    await this.core.db.tx(async (tx) => {
      const pool = await this.core.ownPool(ctx, input.UserPoolId, tx);
      if (await domainRecord(tx, input.Domain)) throw new InvalidParameterException('Domain already associated with another user pool.');
      if (custom ? pool.CustomDomain : pool.Domain) throw new InvalidParameterException(`User pool already has a ${custom ? 'custom ' : ''}domain configured.`);
      await tx.run('INSERT INTO cognito_domains (domain, pool_id, doc) VALUES (?, ?, ?)', [input.Domain, pool.Id, JSON.stringify(record)]);
      await this.core.putPool(tx, { ...pool, ...(custom ? { CustomDomain: input.Domain } : { Domain: input.Domain }) });
    });
    return {
      ...(custom ? { CloudFrontDomain: record.CloudFrontDistribution } : {}),
      ...(record.ManagedLoginVersion !== undefined ? { ManagedLoginVersion: record.ManagedLoginVersion } : {}),
    };
  }

  /** An unknown domain is answered with an empty description, as AWS answers it. */
  async DescribeUserPoolDomain(ctx: RequestContext, input: { Domain: string }) {
    const record = await domainRecord(this.core.db, input.Domain);
    if (!record || record.AWSAccountId !== ctx.accountId) return { DomainDescription: {} };
    const pool = await this.core.pool(record.UserPoolId).catch(() => undefined);
    if (!pool || pool.region !== ctx.region) return { DomainDescription: {} };
    const description: DomainDescriptionType = {
      UserPoolId: record.UserPoolId,
      AWSAccountId: record.AWSAccountId,
      Domain: record.Domain,
      S3Bucket: 'aws-cognito-prod-auth-assets',
      CloudFrontDistribution: record.CloudFrontDistribution,
      Version: '20240101000000',
      Status: 'ACTIVE',
      ...(record.CustomDomainConfig ? { CustomDomainConfig: record.CustomDomainConfig } : {}),
      ...(record.ManagedLoginVersion !== undefined ? { ManagedLoginVersion: record.ManagedLoginVersion } : {}),
    };
    return { DomainDescription: description };
  }

  async UpdateUserPoolDomain(ctx: RequestContext, input: UpdateUserPoolDomainRequest) {
    if (input.ManagedLoginVersion !== undefined && input.ManagedLoginVersion !== 1 && input.ManagedLoginVersion !== 2) throw new InvalidParameterException('ManagedLoginVersion must be 1 or 2.');
    const record = await this.core.db.tx(async (tx) => {
      const pool = await this.core.ownPool(ctx, input.UserPoolId, tx);
      const current = await domainRecord(tx, input.Domain);
      if (!current || current.UserPoolId !== pool.Id) throw new ResourceNotFoundException(`Domain ${input.Domain} does not exist in user pool ${pool.Id}.`);
      const updated: StoredDomain = {
        ...current,
        ...(input.CustomDomainConfig ? { CustomDomainConfig: input.CustomDomainConfig } : {}),
        ...(input.ManagedLoginVersion !== undefined ? { ManagedLoginVersion: input.ManagedLoginVersion } : {}),
      };
      await tx.run('UPDATE cognito_domains SET doc = ? WHERE domain = ?', [JSON.stringify(updated), input.Domain]);
      return updated;
    });
    return {
      ...(record.CustomDomainConfig ? { CloudFrontDomain: record.CloudFrontDistribution } : {}),
      ...(record.ManagedLoginVersion !== undefined ? { ManagedLoginVersion: record.ManagedLoginVersion } : {}),
    };
  }

  async DeleteUserPoolDomain(ctx: RequestContext, input: { Domain: string; UserPoolId: string }) {
    await this.core.db.tx(async (tx) => {
      const pool = await this.core.ownPool(ctx, input.UserPoolId, tx);
      const current = await domainRecord(tx, input.Domain);
      if (!current || current.UserPoolId !== pool.Id) throw new InvalidParameterException('No such domain or user pool exists.');
      await tx.run('DELETE FROM cognito_domains WHERE domain = ?', [input.Domain]);
      const { Domain: _d, CustomDomain: _c, ...rest } = pool;
      await this.core.putPool(tx, { ...rest, ...(pool.Domain && pool.Domain !== input.Domain ? { Domain: pool.Domain } : {}), ...(pool.CustomDomain && pool.CustomDomain !== input.Domain ? { CustomDomain: pool.CustomDomain } : {}) });
    });
    return {};
  }
}
