/**
 * The public keys of the OpenID tokens of identity pools (GetOpenIdToken), at
 * `/_stratus/cognito-identity/.well-known/{openid-configuration,jwks.json}` on the endpoint and at
 * `/.well-known/...` on the host `cognito-identity.amazonaws.com` / `cognito-identity.localhost`.
 * STS reads them to verify those tokens in AssumeRoleWithWebIdentity.
 */
import type { HttpRequest, ResponseSink } from '../../core/http.js';
import type { DataPlaneRoute } from '../service.js';
import { DOC, DOC_HOST, onHost, onPath, PREFIX } from './addresses.js';
import { ISSUER, type IdentityCore } from './core.js';

export function identityRoutes(core: IdentityCore): DataPlaneRoute[] {
  const serve = (req: HttpRequest, res: ResponseSink) => discovery(core, req, res);
  return [
    { host: DOC_HOST, accepts: onHost, handle: serve },
    { pathPrefix: PREFIX, accepts: onPath, handle: serve },
  ];
}

async function discovery(core: IdentityCore, req: HttpRequest, res: ResponseSink): Promise<void> {
  const doc = DOC.exec(req.rawPath)![1];
  const body = doc === 'jwks.json'
    ? { keys: [(await core.signingKey()).publicJwk] }
    : {
        issuer: ISSUER,
        jwks_uri: `${core.platform.endpoint()}${PREFIX}/.well-known/jwks.json`,
        response_types_supported: ['code', 'id_token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS512'],
        claims_supported: ['sub', 'aud', 'iss', 'amr', 'exp', 'iat'],
      };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
