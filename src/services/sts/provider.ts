/**
 * AWS STS: who is calling (GetCallerIdentity answers the IAM user, assumed role or federated user
 * behind the access key), and temporary credentials (ASIA... keys with session tokens, stored in SQL,
 * expiring on the platform clock): AssumeRole, AssumeRoleWithWebIdentity, GetSessionToken,
 * GetFederationToken. docs/services/sts.md.
 */
import type { ResolvedCredential } from '../../core/context.js';
import type { StsApi } from '../../generated/sts.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { resolveSession, SessionOps } from './sessions.js';
import { STS_MIGRATIONS } from './store.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  await platform.db.migrate('sts', STS_MIGRATIONS);
  // Sessions never change once issued: what a key stands for is kept once read (bounded).
  const known = new Map<string, ResolvedCredential>();
  const resolveCredential = async (accessKeyId: string): Promise<ResolvedCredential | undefined> => {
    const hit = known.get(accessKeyId);
    if (hit) return hit;
    const found = await resolveSession(platform, accessKeyId);
    if (found) {
      if (known.size >= 10_000) known.clear();
      known.set(accessKeyId, found);
    }
    return found;
  };
  return defineProvider<StsApi>()([new SessionOps(platform)], { resolveCredential });
}
