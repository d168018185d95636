/**
 * Resource-based policies as `--iam enforce` reads them, one cache per service (S3 bucket policies,
 * SQS queue and SNS topic policies, Lambda function policies, DynamoDB resource policies): the
 * resource's owning account and its statements, parsed once per policy text and kept until the
 * service says its policies changed (`changed()`, after its commit) or for at most a second of
 * platform time (another node's writes). A request therefore costs one Map lookup, not a query and a
 * JSON parse.
 */
import type { Clock } from '../core/clock.js';
import type { ResourcePolicy } from './iam-authorize.js';
import { parsePolicy, type PolicyStatement } from './iam-policy.js';

/** What a service reads for one resource ARN: its owner and its policy text, if it has one. */
export interface StoredResourcePolicy {
  readonly accountId: string;
  readonly policy?: string;
}

const TTL_MS = 1000;
const MAX_CACHED = 10_000;
const NONE: readonly PolicyStatement[] = [];

export class ResourcePolicyCache {
  private generation = 0;
  private readonly cache = new Map<string, { at: number; generation: number; value: ResourcePolicy | undefined }>();

  constructor(
    private readonly clock: Clock,
    private readonly load: (key: string) => Promise<StoredResourcePolicy | undefined>,
  ) {}

  /** Called once a write that may change a resource's policy or owner has committed. */
  changed(): void {
    this.generation++;
    this.cache.clear();
  }

  /** The resource's owner and policy; undefined when `key` (its ARN, or what the service keys its policies by) names nothing this service holds. */
  async get(key: string): Promise<ResourcePolicy | undefined> {
    const now = this.clock.now();
    const hit = this.cache.get(key);
    if (hit && hit.generation === this.generation && now - hit.at < TTL_MS) return hit.value;
    const generation = this.generation;
    const stored = await this.load(key);
    const value = stored && { accountId: stored.accountId, statements: resourceStatements(stored.policy) };
    if (generation === this.generation) {
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      this.cache.set(key, { at: now, generation, value });
    }
    return value;
  }
}

/** A resource policy's statements; one without Resource (SQS's, SNS's may omit it) is about the resource it is attached to. */
export function resourceStatements(policy: string | undefined): readonly PolicyStatement[] {
  const statements = parsePolicy(policy);
  if (!statements?.length) return NONE;
  return statements.map((s) => (s.Resource === undefined && s.NotResource === undefined ? { ...s, Resource: '*' } : s));
}
