/**
 * AWS STS: who is calling (GetCallerIdentity answers the IAM user, assumed role or federated user
 * behind the access key), and temporary credentials (ASIA... keys with session tokens, stored in SQL,
 * expiring on the platform clock): AssumeRole, AssumeRoleWithWebIdentity, GetSessionToken,
 * GetFederationToken. docs/services/sts.md.
 */
import type { StsApi } from '../../generated/sts.js';
import { defineProvider, type Platform, type ServiceDefinition } from '../service.js';
import { resolveSession, SessionOps } from './sessions.js';
import { STS_MIGRATIONS } from './store.js';

export const definition: ServiceDefinition = {
  name: 'sts',
  validationErrorCode: 'ValidationError',
  unsignedOperations: ['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'],
  async create(platform: Platform) {
    await platform.db.migrate('sts', STS_MIGRATIONS);
    return defineProvider<StsApi>()([new SessionOps(platform)], { resolveCredential: (accessKeyId) => resolveSession(platform, accessKeyId) });
  },
};
