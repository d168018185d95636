/**
 * The function URL data plane: `{urlId}.lambda-url.{region}.localhost` and the AWS host name
 * `{urlId}.lambda-url.{region}.on.aws` (README, "Host names"), and `/_aws/lambda-url/{urlId}/...` on
 * the main endpoint for clients that cannot set a host. A request is checked (CORS preflight
 * answered here, then AuthType), turned into a payload 2.0 event and invoked as Invoke invokes
 * (invoke/sync.ts: concurrency, versions and aliases, logs); the answer goes back whole
 * (BUFFERED) or as the function streams it (RESPONSE_STREAM).
 */
import { randomUUID } from 'node:crypto';
import { isAwsError } from '../../../aws/errors.js';
import { hostName, type HttpRequest, type ResponseSink } from '../../../core/http.js';
import type { PoolResult } from '../../../runtime/pool.js';
import type { DataPlaneRoute } from '../../service.js';
import type { LambdaCore, Target } from '../core.js';
import type { InvocationRunner } from '../invoke/sync.js';
import { MAX_SYNC_PAYLOAD } from '../limits.js';
import { authorizeUrl } from './auth.js';
import { addCorsHeaders, isPreflight, preflightHeaders } from './cors.js';
import { urlEvent, urlResponse } from './event.js';
import type { FunctionUrlTarget, UrlDirectory } from './store.js';
import { StreamBridge } from '../invoke/stream-bridge.js';
import { HTTP_INTEGRATION_RESPONSE, preludeHead, readPrelude } from './stream.js';

import { URL_HOST_RE, URL_PATH_PREFIX } from '../addresses.js';

export { URL_HOST_RE, URL_PATH_PREFIX };

type Headers = Record<string, string | string[]>;

/** Where a request is going: the URL id, the region its host named (if any), the path the function sees. */
interface Addressed {
  urlId: string;
  region: string | undefined;
  domainName: string;
  rawPath: string;
}

export function functionUrlRoutes(core: LambdaCore, runner: InvocationRunner, urls: UrlDirectory): DataPlaneRoute[] {
  const plane = new FunctionUrlPlane(core, runner, urls);
  return [
    {
      host: URL_HOST_RE,
      handle: (req, res) => {
        const host = hostName(req.headers.host);
        const m = URL_HOST_RE.exec(host)!;
        return plane.serve(req, res, { urlId: m[1]!, region: m[2]!, domainName: host, rawPath: req.rawPath || '/' });
      },
    },
    {
      pathPrefix: URL_PATH_PREFIX,
      handle: (req, res) => {
        const rest = req.rawPath.slice(URL_PATH_PREFIX.length);
        const slash = rest.indexOf('/');
        const urlId = slash < 0 ? rest : rest.slice(0, slash);
        return plane.serve(req, res, { urlId, region: undefined, domainName: '', rawPath: slash < 0 ? '/' : rest.slice(slash) });
      },
    },
  ];
}

class FunctionUrlPlane {
  constructor(
    private readonly core: LambdaCore,
    private readonly runner: InvocationRunner,
    private readonly urls: UrlDirectory,
  ) {}

  async serve(req: HttpRequest, res: ResponseSink, at: Addressed): Promise<void> {
    const requestId = randomUUID();
    const url = /^[a-z0-9]{32}$/.test(at.urlId) ? await this.urls.find(at.urlId) : undefined;
    // An unknown URL: AWS's answer, which says nothing of whether it exists.
    if (!url || (at.region !== undefined && at.region !== url.scope.region)) return sendJson(res, 403, { Message: null }, requestId, 'AccessDeniedException');
    // An empty Cors object configures nothing: OPTIONS then reaches the function.
    const cors = url.doc.Cors && Object.keys(url.doc.Cors).length ? url.doc.Cors : undefined;
    if (cors && isPreflight(req)) {
      res.writeHead(200, { ...preflightHeaders(cors, req), 'x-amzn-requestid': requestId, 'content-length': 0 });
      res.end();
      return;
    }
    const sourceIp = (req.raw.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    const auth = await authorizeUrl(this.core, url, req, sourceIp);
    if (!auth.allowed) return sendJson(res, 403, { Message: auth.message }, requestId, 'AccessDeniedException');

    const now = this.core.clock.now();
    const endpoint = new URL(this.core.platform.endpoint());
    const event = urlEvent(req, {
      urlId: url.urlId,
      domainName: at.domainName || `${url.urlId}.lambda-url.${url.scope.region}.localhost`,
      rawPath: at.rawPath,
      rawQuery: req.rawQuery,
      requestId,
      now,
      sourceIp,
      port: endpoint.port || '80',
      traceId: `Root=1-${Math.floor(now / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      iam: auth.iam,
    });
    const payload = Buffer.from(JSON.stringify(event));
    if (payload.length > MAX_SYNC_PAYLOAD) {
      return sendJson(res, 413, { Message: `Request must be smaller than ${MAX_SYNC_PAYLOAD} bytes for the InvokeFunction operation` }, requestId, 'RequestTooLargeException');
    }
    let target: Target;
    try {
      target = await this.core.resolve(url.scope, url.name, url.qualifier, true);
    } catch (e) {
      if (isAwsError(e)) return sendJson(res, 403, { Message: null }, requestId, 'AccessDeniedException');
      throw e;
    }
    if (url.doc.InvokeMode === 'RESPONSE_STREAM') return this.streamed(req, res, url, target, payload, requestId);
    let result: PoolResult;
    try {
      result = await this.runner.invokeSync(url.scope, target, payload, requestId);
    } catch (e) {
      return this.refused(e, res, requestId);
    }
    this.answer(req, res, url, result, requestId);
  }

  /** A buffered answer: the function's response, or 502 when it failed or answered malformed. */
  private answer(req: HttpRequest, res: ResponseSink, url: FunctionUrlTarget, result: PoolResult, requestId: string, raw = false): void {
    const reply =
      result.outcome !== 'success'
        ? undefined
        : raw
          ? { status: 200, headers: { 'content-type': 'application/json' } as Headers, body: result.payload }
          : urlResponse(result.payload);
    if (!reply) {
      res.writeHead(502, { 'content-type': 'application/json', 'x-amzn-requestid': requestId });
      res.end('Internal Server Error');
      return;
    }
    addCorsHeaders(url.doc.Cors, req, reply.headers);
    res.writeHead(reply.status, { ...reply.headers, 'x-amzn-requestid': requestId });
    res.end(reply.body);
  }

  /**
   * RESPONSE_STREAM: the response goes out as the function writes it, after the prelude's status
   * and headers when it uses HttpResponseStream. A function that answers without streaming (a
   * plain handler) has its payload sent as it is, as AWS does.
   */
  private async streamed(req: HttpRequest, res: ResponseSink, url: FunctionUrlTarget, target: Target, payload: Buffer, requestId: string): Promise<void> {
    const bridge = new StreamBridge();
    const run = this.runner.invokeSync(url.scope, target, payload, requestId, { stream: bridge }).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    const first = await Promise.race([bridge.begun.then((contentType) => ({ contentType })), run]);
    if ('error' in first) return this.refused(first.error, res, requestId);
    if ('result' in first) return this.answer(req, res, url, first.result, requestId, true);
    let status = 200;
    let headers: Headers = { 'content-type': first.contentType };
    let lead: Buffer | undefined;
    if (first.contentType === HTTP_INTEGRATION_RESPONSE) {
      const prelude = await readPrelude(bridge);
      if (!prelude) {
        await run;
        res.writeHead(502, { 'content-type': 'application/json', 'x-amzn-requestid': requestId });
        res.end('Internal Server Error');
        return;
      }
      ({ status, headers } = preludeHead(prelude.metadata));
      lead = prelude.rest;
    }
    addCorsHeaders(url.doc.Cors, req, headers);
    res.writeHead(status, { ...headers, 'x-amzn-requestid': requestId });
    const body = async function* (): AsyncGenerator<Buffer> {
      if (lead?.length) yield lead;
      for (let piece = await bridge.next(); piece; piece = await bridge.next()) yield piece;
    };
    try {
      await res.stream(body());
    } catch {
      // The client went away; the function runs to its end all the same.
    }
    await run;
  }

  /** The invocation was refused before it ran: throttled (429), or another Lambda error. */
  private refused(e: unknown, res: ResponseSink, requestId: string): void {
    if (isAwsError(e) && e.code === 'TooManyRequestsException') return sendJson(res, 429, { Message: 'Rate Exceeded.' }, requestId, 'TooManyRequestsException');
    if (isAwsError(e)) return sendJson(res, e.status, { Message: e.message }, requestId, e.code);
    throw e;
  }
}

function sendJson(res: ResponseSink, status: number, body: unknown, requestId: string, errorType: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amzn-errortype': errorType });
  res.end(JSON.stringify(body));
}
