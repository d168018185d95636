/**
 * Amazon Cognito identity pools (awsJson1.1): pools with their roles, role mappings and tags;
 * identities for guests and for users signed in to a Cognito user pool (ID tokens verified against
 * the user pool's JWKS); OpenID tokens signed by this service's key (JWKS on the endpoint); and AWS
 * credentials for an identity through STS AssumeRoleWithWebIdentity. docs/services/cognito-identity.md.
 */
import type { CognitoIdentityApi } from '../../generated/cognito-identity.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { IdentityCore } from './core.js';
import { identityRoutes } from './dataplane.js';
import { DeveloperOps } from './ops/developer.js';
import { IdentityOps } from './ops/identities.js';
import { PoolOps } from './ops/pools.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  const core = await IdentityCore.open(platform);
  return defineProvider<CognitoIdentityApi>()([new PoolOps(core), new IdentityOps(core), new DeveloperOps(core)], { dataPlanes: identityRoutes(core) });
}
