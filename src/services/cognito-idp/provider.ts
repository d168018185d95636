/**
 * Amazon Cognito user pools (awsJson1.1): pools, clients, groups, users, sign-up and confirmation
 * codes, SRP-6a and password sign-in, refresh, NEW_PASSWORD_REQUIRED, TOTP MFA, custom auth, RS256
 * tokens with the pool's JWKS, Lambda triggers, and an inbox of the messages Cognito would send.
 * docs/services/cognito-idp.md.
 */
import type { CognitoIdentityProviderApi } from '../../generated/cognito-idp.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { CognitoCore } from './core.js';
import { cognitoRoutes } from './dataplane.js';
import { hostedRoutes } from './hosted/routes.js';
import { AccountOps } from './ops/account.js';
import { AdminUserOps } from './ops/admin-users.js';
import { AuthOps } from './ops/auth.js';
import { ClientOps } from './ops/clients.js';
import { DeviceOps } from './ops/devices.js';
import { DomainOps } from './ops/domains.js';
import { MfaOps } from './ops/mfa.js';
import { PoolOps } from './ops/pools.js';
import { ProviderOps } from './ops/providers.js';
import { ResourceOps } from './ops/resources.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  const core = await CognitoCore.open(platform);
  return defineProvider<CognitoIdentityProviderApi>()(
    [new PoolOps(core), new ClientOps(core), new AdminUserOps(core), new AccountOps(core), new AuthOps(core), new MfaOps(core), new ResourceOps(core), new DeviceOps(core), new ProviderOps(core), new DomainOps(core)],
    { dataPlanes: [...cognitoRoutes(core), ...hostedRoutes(core)] },
  );
}
