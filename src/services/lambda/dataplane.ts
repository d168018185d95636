/**
 * The code-download data plane: GetFunction's Code.Location, a URL on this server that answers
 * the deployment package as S3 answers a presigned GET, streamed from the blob store.
 */
import type { HttpRequest, ResponseSink } from '../../core/http.js';
import type { DataPlaneRoute } from '../service.js';
import type { CodeStore } from './code-store.js';
import type { Scope } from './core.js';
import { CODE_PATH } from './addresses.js';


/** Where GetFunction tells clients to download a package from. */
export function codeLocation(endpoint: string, scope: Scope, hex: string): string {
  return `${endpoint}${CODE_PATH}${scope.accountId}/${scope.region}/${hex}.zip`;
}

export function codeDownloadRoute(code: CodeStore): DataPlaneRoute {
  return { pathPrefix: CODE_PATH, accepts: (req) => req.method === 'GET', handle: (req, res) => serveCode(code, req, res) };
}

async function serveCode(code: CodeStore, req: HttpRequest, res: ResponseSink): Promise<void> {
  const m = /^([0-9]{12})\/([a-z0-9-]+)\/([0-9a-f]{64})\.zip$/.exec(req.rawPath.slice(CODE_PATH.length));
  const pkg = m ? await code.read({ accountId: m[1]!, region: m[2]! }, m[3]!) : undefined;
  if (!pkg) {
    res.writeHead(404, { 'content-type': 'application/xml' });
    res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/zip', 'content-length': pkg.size });
  await res.stream(pkg.body);
}
