import type { StsApi } from '../../generated/sts.js';
import type { ServiceDefinition } from '../service.js';

/**
 * STS: who is calling. Stratus derives the account from the access key (config credentials,
 * a 12-digit key, or the default account); callers with long-term keys are the account root.
 */
export const definition: ServiceDefinition = {
  name: 'sts',
  validationErrorCode: 'ValidationError',
  async create() {
    const provider: Pick<StsApi, 'GetCallerIdentity'> = {
      async GetCallerIdentity(ctx) {
        return {
          UserId: ctx.accountId,
          Account: ctx.accountId,
          Arn: `arn:aws:iam::${ctx.accountId}:root`,
        };
      },
    };
    return provider;
  },
};
