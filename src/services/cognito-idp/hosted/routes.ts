/**
 * Where the hosted UI and OAuth 2.0 endpoints are served: on a pool's prefix domain as a host name,
 * `{prefix}.auth.{region}.localhost` (or LocalStack's domain, or AWS's own
 * `{prefix}.auth.{region}.amazoncognito.com` for clients whose DNS points it here), and on the path
 * form `/_aws/cognito/{domain}/...` of the endpoint, for clients that cannot use host names (custom
 * domains are reached that way).
 */
import { hostName, percentDecode, type HttpRequest, type ResponseSink } from '../../../core/http.js';
import type { DataPlaneRoute } from '../../service.js';
import { HOSTED_HOST_RE, HOSTED_PATH_PREFIX } from '../addresses.js';
import type { CognitoCore } from '../core.js';
import { domainRecord } from '../ops/domains.js';
import { HostedUi } from './authorize.js';
import { html, json, type DomainRequest } from './http.js';
import { OAuthEndpoints } from './oauth.js';
import { errorPage } from './pages.js';


export function hostedRoutes(core: CognitoCore): DataPlaneRoute[] {
  const ui = new HostedUi(core);
  const oauth = new OAuthEndpoints(core);
  const serve = async (req: HttpRequest, res: ResponseSink, domain: string, region: string | undefined, base: string, path: string): Promise<void> => {
    const record = await domainRecord(core.db, domain);
    const pool = record ? await core.pool(record.UserPoolId).catch(() => undefined) : undefined;
    if (!record || !pool || (region !== undefined && region !== pool.region)) return html(res, 404, errorPage('Not Found', `No user pool domain ${domain}.`));
    const d: DomainRequest = { req, res, domain: record, pool, base, path, query: new URLSearchParams(req.rawQuery) };
    switch (path) {
      case '/oauth2/authorize':
        return ui.authorize(d);
      case '/login':
        return ui.login(d);
      case '/signup':
        return ui.signup(d);
      case '/confirmUser':
        return ui.confirm(d);
      case '/logout':
        return ui.logout(d);
      case '/error':
        return ui.error(d);
      case '/oauth2/idpresponse':
        return ui.idpResponse(d);
      case '/oauth2/token':
        return oauth.token(d);
      case '/oauth2/userInfo':
        return oauth.userInfo(d);
      case '/oauth2/revoke':
        return oauth.revoke(d);
      default:
        return json(res, 404, { error: 'not_found' });
    }
  };
  return [
    {
      host: HOSTED_HOST_RE,
      handle: (req, res) => {
        const m = HOSTED_HOST_RE.exec(hostName(req.headers.host))!;
        return serve(req, res, m[1]!, m[2]!, '', req.rawPath || '/');
      },
    },
    {
      pathPrefix: HOSTED_PATH_PREFIX,
      handle: (req, res) => {
        const rest = req.rawPath.slice(HOSTED_PATH_PREFIX.length);
        const slash = rest.indexOf('/');
        const domain = percentDecode(slash < 0 ? rest : rest.slice(0, slash));
        return serve(req, res, domain, undefined, `${HOSTED_PATH_PREFIX}${domain}`, slash < 0 ? '/' : rest.slice(slash));
      },
    },
  ];
}
