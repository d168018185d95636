/**
 * Cognito's URLs that are not API calls: each pool's JWKS and OpenID discovery document, at
 * `/{userPoolId}/.well-known/...` on the endpoint and on the host `cognito-idp.{region}.localhost`
 * or `cognito-idp.{region}.amazonaws.com`; and the inbox of what Cognito would have sent
 * (`GET /_stratus/cognito/messages?userPoolId=...`, optionally `&username=`).
 */
import type { HttpRequest, ResponseSink } from '../../core/http.js';
import type { DataPlaneRoute } from '../service.js';
import { DOC_HOST, inInbox, INBOX, WELL_KNOWN, wellKnown } from './addresses.js';
import type { CognitoCore } from './core.js';

export function cognitoRoutes(core: CognitoCore): DataPlaneRoute[] {
  const serve = (req: HttpRequest, res: ResponseSink) => discovery(core, req, res);
  return [
    { host: DOC_HOST, accepts: wellKnown, handle: serve },
    { pathPrefix: '/', accepts: wellKnown, handle: serve },
    { pathPrefix: INBOX, accepts: inInbox, handle: (req, res) => inbox(core, req, res) },
  ];
}

function json(res: ResponseSink, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function discovery(core: CognitoCore, req: HttpRequest, res: ResponseSink): Promise<void> {
  const [, poolId, doc] = WELL_KNOWN.exec(req.rawPath)!;
  const pool = await core.pool(poolId!).catch(() => undefined);
  if (!pool) return json(res, 404, { message: `User pool ${poolId} does not exist.` });
  if (doc === 'jwks.json') {
    const key = await core.key(pool.Id);
    return json(res, 200, { keys: [key.publicJwk] });
  }
  const iss = core.issuer(pool);
  return json(res, 200, {
    id_token_signing_alg_values_supported: ['RS256'],
    issuer: iss,
    jwks_uri: `${iss}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  });
}

async function inbox(core: CognitoCore, req: HttpRequest, res: ResponseSink): Promise<void> {
  const q = new URLSearchParams(req.rawQuery);
  const poolId = q.get('userPoolId');
  if (!poolId) return json(res, 400, { message: 'userPoolId is required' });
  const username = q.get('username');
  const messages = (await core.messages(poolId)).filter((m) => !username || m.username === username || m.destination === username);
  json(res, 200, { messages });
}
