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
  /**
   * Who signed the request, when its access key belongs to an IAM user or an STS session
   * (Platform.resolveCredential); undefined for the configured keys (the account root) and unsigned requests.
   */
  readonly principal?: Principal;
  /**
   * Set by `--iam enforce`/`report` when the resource's own policy let a principal of another
   * account in (S3 then serves a bucket it does not own).
   */
  crossAccountGrant?: boolean;
}

/** The identity behind an access key: an IAM user, an assumed role or a federated user (docs/services/iam.md). */
export interface Principal {
  /** 'service': an AWS service principal acting inside Stratus (Lambda getting its functions' role credentials); its arn is the service's name. */
  readonly type: 'user' | 'assumed-role' | 'federated-user' | 'root' | 'service';
  readonly accountId: string;
  /** arn:aws:iam::ACCT:user/path/name, arn:aws:sts::ACCT:assumed-role/ROLE/SESSION, arn:aws:sts::ACCT:federated-user/NAME. */
  readonly arn: string;
  /** AIDA... for a user, AROA...:SESSION for an assumed role, ACCT:NAME for a federated user. */
  readonly userId: string;
  /** Temporary credentials (an STS session), whatever the type. */
  readonly session?: boolean;
  /** The role or user the session belongs to (arn:aws:iam::ACCT:role/path/ROLE), for sessions. */
  readonly sourceArn?: string;
  /** Session tags (AssumeRole Tags), for aws:PrincipalTag. */
  readonly sessionTags?: Readonly<Record<string, string>>;
  /** The inline session policy of a session, as given. */
  readonly sessionPolicy?: string;
  /** Managed session policies (PolicyArns) of a session. */
  readonly sessionPolicyArns?: readonly string[];
}

/** What an access key stands for: its secret, its principal, and for temporary credentials their token and expiry. */
export interface ResolvedCredential {
  readonly secretAccessKey: string;
  readonly principal: Principal;
  /** An IAM user's key that was made Inactive. */
  readonly active: boolean;
  readonly sessionToken?: string;
  /** Platform time (ms) after which the temporary credentials answer ExpiredToken. */
  readonly expiresAt?: number;
}

/** A context for calls Stratus makes itself (Step Functions invoking Lambda, API Gateway integrations...). */
export function internalContext(
  clock: Clock,
  fields: { accountId: string; region: string; service: string; operation?: string; requestId?: string; principal?: Principal },
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
    ...(fields.principal ? { principal: fields.principal } : {}),
  };
}
