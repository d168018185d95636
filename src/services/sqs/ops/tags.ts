/** Tags (TagQueue, UntagQueue, ListQueueTags) and queue permissions (AddPermission, RemovePermission). */
import { accountRootArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import type { AddPermissionRequest, ListQueueTagsRequest, ListQueueTagsResult, RemovePermissionRequest, SQSApi, TagQueueRequest, UntagQueueRequest } from '../../../generated/sqs.js';
import { checkTags, MAX_TAGS_PER_RESOURCE, type TagProblem } from '../../../storage/tags.js';
import type { SqsCore } from '../core.js';
import { invalidParameter, noSuchQueue } from '../errors.js';

/** The actions a queue owner may grant with AddPermission. */
const GRANTABLE = new Set([
  '*',
  'SendMessage',
  'ReceiveMessage',
  'DeleteMessage',
  'ChangeMessageVisibility',
  'GetQueueAttributes',
  'GetQueueUrl',
  'ListDeadLetterSourceQueues',
  'PurgeQueue',
  'ListQueueTags',
  'StartMessageMoveTask',
  'CancelMessageMoveTask',
  'ListMessageMoveTasks',
  'SendMessageBatch',
  'DeleteMessageBatch',
  'ChangeMessageVisibilityBatch',
]);

function tagError(problem: TagProblem): Error {
  switch (problem.kind) {
    case 'tooMany':
      return invalidParameter(`Too many tags added for queue. A queue can have at most ${MAX_TAGS_PER_RESOURCE} tags.`);
    case 'keyLength':
      return invalidParameter(`Tag keys must be between 1 and 128 characters in length: ${problem.key}`);
    case 'valueLength':
      return invalidParameter(`Tag values may only be up to 256 characters in length: ${problem.key}`);
    case 'reservedPrefix':
      return invalidParameter(`Tag keys beginning with 'aws:' are reserved: ${problem.key}`);
  }
}

/** The checks of a tag map on its own (CreateQueue's tags before the queue exists). */
export function checkTagMap(tags: Readonly<Record<string, string>>): void {
  const problem = checkTags(tags);
  if (problem) throw tagError(problem);
  if (Object.keys(tags).length > MAX_TAGS_PER_RESOURCE) throw tagError({ kind: 'tooMany', count: Object.keys(tags).length });
}

export class TagAndPermissionOps implements Pick<SQSApi, 'TagQueue' | 'UntagQueue' | 'ListQueueTags' | 'AddPermission' | 'RemovePermission'> {
  constructor(private readonly core: SqsCore) {}

  async TagQueue(ctx: RequestContext, input: TagQueueRequest): Promise<void> {
    const queue = await this.core.queueByUrl(ctx, input.QueueUrl);
    const scope = { accountId: queue.account, region: queue.region };
    checkTagMap(input.Tags);
    await this.core.db.tx(async (tx) => {
      const problem = await this.core.tags.tag(tx, scope, queue.arn, input.Tags);
      if (problem) throw tagError(problem);
    });
  }

  async UntagQueue(ctx: RequestContext, input: UntagQueueRequest): Promise<void> {
    const queue = await this.core.queueByUrl(ctx, input.QueueUrl);
    await this.core.db.tx((tx) => this.core.tags.untag(tx, { accountId: queue.account, region: queue.region }, queue.arn, input.TagKeys));
  }

  async ListQueueTags(ctx: RequestContext, input: ListQueueTagsRequest): Promise<ListQueueTagsResult> {
    const queue = await this.core.queueByUrl(ctx, input.QueueUrl);
    const tags = await this.core.tags.list({ accountId: queue.account, region: queue.region }, queue.arn);
    return Object.keys(tags).length > 0 ? { Tags: tags } : {};
  }

  async AddPermission(ctx: RequestContext, input: AddPermissionRequest): Promise<void> {
    const queue = await this.core.queueByUrl(ctx, input.QueueUrl);
    const label = input.Label;
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(label)) {
      throw invalidParameter(`Value ${label} for parameter Label is invalid. Reason: Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length.`);
    }
    if (input.AWSAccountIds.length === 0) throw invalidParameter('The request must contain the parameter AWSAccountIds.');
    if (input.Actions.length === 0) throw invalidParameter('The request must contain the parameter Actions.');
    for (const action of input.Actions) {
      if (!GRANTABLE.has(action)) throw invalidParameter(`Value SQS:${action} for parameter ActionName is invalid. Reason: Only the queue owner is allowed to invoke this action.`);
    }
    for (const account of input.AWSAccountIds) {
      if (!/^\d{12}$/.test(account)) throw invalidParameter(`Value [${input.AWSAccountIds.join(', ')}] for parameter PrincipalId is invalid. Reason: Unable to verify.`);
    }
    const principals = input.AWSAccountIds.map((a) => accountRootArn({ accountId: a, region: queue.region }));
    const actions = input.Actions.map((a) => `SQS:${a}`);
    const statement = {
      Sid: label,
      Effect: 'Allow',
      Principal: { AWS: principals.length === 1 ? principals[0] : principals },
      Action: actions.length === 1 ? actions[0] : actions,
      Resource: queue.arn,
    };
    await this.updatePolicy(queue.id, queue.arn, (statements) => {
      if (statements.some((s) => s.Sid === label)) throw invalidParameter(`Value ${label} for parameter Label is invalid. Reason: Already exists.`);
      return [...statements, statement];
    });
  }

  async RemovePermission(ctx: RequestContext, input: RemovePermissionRequest): Promise<void> {
    const queue = await this.core.queueByUrl(ctx, input.QueueUrl);
    await this.updatePolicy(queue.id, queue.arn, (statements) => {
      if (!statements.some((s) => s.Sid === input.Label)) throw invalidParameter(`Value ${input.Label} for parameter Label is invalid. Reason: can't find label.`);
      return statements.filter((s) => s.Sid !== input.Label);
    });
  }

  /** Rewrites the queue's Policy statements (the policy goes when none is left). */
  private async updatePolicy(id: number, arn: string, change: (statements: { Sid?: string }[]) => object[]): Promise<void> {
    const now = this.core.clock.now();
    await this.core.db.tx(async (tx) => {
      const queue = await this.core.queueById(id, tx);
      if (!queue) throw noSuchQueue();
      const doc = queue.a.Policy ? (JSON.parse(queue.a.Policy) as { Statement?: unknown }) : { Version: '2008-10-17', Id: `${arn}/SQSDefaultPolicy`, Statement: [] };
      const list = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
      const next = change(list as { Sid?: string }[]);
      const attrs = { ...queue.a };
      if (next.length === 0) delete attrs.Policy;
      else attrs.Policy = JSON.stringify({ ...doc, Statement: next });
      await tx.run('UPDATE sqs_queues SET attrs = ?, modified = ? WHERE id = ?', [JSON.stringify(attrs), now, id]);
    });
    this.core.queuesChanged();
  }
}
