import type { RequestContext } from '../../server/context.js';
import type { ServiceDefinition } from '../service.js';

/**
 * STS: who is calling. Stratus derives the account from the access key (config credentials,
 * a 12-digit key, or the default account); callers with long-term keys are the account root.
 */
export const definition: ServiceDefinition = {
  name: 'sts',
  validationErrorCode: 'ValidationError',
  async create() {
    return {
      async GetCallerIdentity(ctx: RequestContext) {
        return {
          UserId: ctx.accountId,
          Account: ctx.accountId,
          Arn: `arn:aws:iam::${ctx.accountId}:root`,
        };
      },
    };
  },
};
