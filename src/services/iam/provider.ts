/**
 * AWS IAM (awsQuery, global: ARNs without a region): users, groups, roles (trust policies, session
 * duration, permissions boundaries, tags, service-linked roles), customer managed policies with
 * versions, the common AWS managed policies, inline policies and attachments, access keys that
 * Stratus accepts for their user, instance profiles, OIDC and SAML providers, the account alias and
 * password policy. docs/services/iam.md.
 */
import type { IAMApi } from '../../generated/iam.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { IamCore } from './core.js';
import { AccessKeyOps, KeyUseRecorder, resolveAccessKey } from './ops/access-keys.js';
import { AccountOps } from './ops/account.js';
import { DetailsOps } from './ops/details.js';
import { GroupOps } from './ops/groups.js';
import { InlinePolicyOps } from './ops/inline.js';
import { InstanceProfileOps } from './ops/instance-profiles.js';
import { MfaOps } from './ops/mfa.js';
import { PolicyOps } from './ops/policies.js';
import { RoleOps } from './ops/roles.js';
import { SimulateOps } from './ops/simulate.js';
import { UserOps } from './ops/users.js';
import { PrincipalPolicyCache } from './principal-policies.js';
import { IAM_MIGRATIONS } from './store.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  await platform.db.migrate('iam', IAM_MIGRATIONS);
  const core = new IamCore(platform);
  const policies = new PrincipalPolicyCache(core);
  const lastUsed = new KeyUseRecorder(core);
  const provider = defineProvider<IAMApi>()(
    [
      new UserOps(core),
      new GroupOps(core),
      new AccessKeyOps(core),
      new RoleOps(core),
      new PolicyOps(core),
      new InlinePolicyOps(core),
      new InstanceProfileOps(core),
      new AccountOps(core),
      new SimulateOps(core),
      new MfaOps(core),
      new DetailsOps(core),
    ],
    {
      resolveCredential: async (accessKeyId, use) => {
        if (!accessKeyId.startsWith('AKIA')) return undefined;
        const found = await policies.credential(accessKeyId, () => resolveAccessKey(core, accessKeyId));
        if (found && use) lastUsed.record(accessKeyId, use);
        return found;
      },
      principalPolicies: (p) => policies.policiesOf(p),
    },
  );
  // Every operation that may change what a principal is allowed drops the cached policies once it is done.
  const writes = provider as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of Object.keys(writes)) {
    if (!/^[A-Z]/.test(name) || /^(Get|List|Simulate|Generate)/.test(name)) continue;
    const op = writes[name]!;
    writes[name] = async (...args: unknown[]) => {
      try {
        return await op(...args);
      } finally {
        policies.changed();
      }
    };
  }
  return provider;
}
