/**
 * The public keys of the OpenID tokens of identity pools (GetOpenIdToken), at
 * `/_stratus/cognito-identity/.well-known/{openid-configuration,jwks.json}` on the endpoint and at
 * `/.well-known/...` on the host `cognito-identity.amazonaws.com` / `cognito-identity.localhost`.
 * STS reads them to verify those tokens in AssumeRoleWithWebIdentity.
 */
import { hostPattern, type HttpRequest, type ResponseSink } from '../../core/http.js';
import type { DataPlaneRoute } from '../service.js';
import { ISSUER, type IdentityCore } from './core.js';

const PREFIX = '/_stratus/cognito-identity';
const DOC = /\/\.well-known\/(jwks\.json|openid-configuration)$/;

export function identityRoutes(core: IdentityCore): DataPlaneRoute[] {
  const serve = (req: HttpRequest, res: ResponseSink) => discovery(core, req, res);
  return [
    { host: hostPattern('cognito-identity', ['amazonaws\\.com']), accepts: (req) => req.method === 'GET' && /^\/\.well-known\//.test(req.rawPath) && DOC.test(req.rawPath), handle: serve },
    { pathPrefix: PREFIX, accepts: (req) => req.method === 'GET' && req.rawPath.startsWith(`${PREFIX}/.well-known/`) && DOC.test(req.rawPath), handle: serve },
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
