import { accountRootArn } from '../../aws/arn.js';
import type { StsApi } from '../../generated/sts.js';
import { defineProvider, type ServiceDefinition } from '../service.js';

/** STS's identity operation: Stratus derives the account from the access key (config credentials, a 12-digit key, or the default account). */
class IdentityOps implements Pick<StsApi, 'GetCallerIdentity'> {
  async GetCallerIdentity(ctx: Parameters<StsApi['GetCallerIdentity']>[0]) {
    // Callers with long-term keys are the account root.
    return { UserId: ctx.accountId, Account: ctx.accountId, Arn: accountRootArn(ctx) };
  }
}

/** STS: who is calling. */
export const definition: ServiceDefinition = {
  name: 'sts',
  validationErrorCode: 'ValidationError',
  async create() {
    return defineProvider<StsApi>()([new IdentityOps()]);
  },
};
