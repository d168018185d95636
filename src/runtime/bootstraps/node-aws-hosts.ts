/**
 * Runs in a Node function's process: requests to AWS host names (`*.amazonaws.com`, `*.on.aws`)
 * and to Stratus's local host forms (`*.localhost`, `*.localhost.localstack.cloud`) go to the
 * Stratus server instead, over plain HTTP, keeping the Host header they name. So code that names
 * an endpoint (`new DynamoDBClient({ endpoint: 'https://dynamodb.us-east-1.amazonaws.com' })`,
 * the WebSocket callback `https://{domainName}/{stage}` from an event) reaches Stratus unchanged,
 * and its SigV4 signature, made over that Host header, still verifies.
 *
 * Covered: `http`/`https` `request` and `get` (the AWS SDK and most HTTP libraries) and `fetch`.
 */
import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import { Readable } from 'node:stream';

const AWS_HOST = /(^|\.)(amazonaws\.com(\.cn)?|on\.aws|api\.aws)$/i;
const LOCAL_HOST = /\.(localhost|localhost\.localstack\.cloud)$/i;

/** Whether a request to `host`:`port` is meant for AWS (so for Stratus). */
function isForStratus(host: string, port: string | number | undefined, stratusPort: number): boolean {
  if (AWS_HOST.test(host)) return true;
  // A local form names Stratus's port, or none (the AWS-style URL with the host only).
  return LOCAL_HOST.test(host) && (port === undefined || port === '' || Number(port) === stratusPort || Number(port) === 80 || Number(port) === 443);
}

type RequestFn = (...args: unknown[]) => ClientRequest;

export function redirectAwsHosts(endpoint: string): void {
  let target: URL;
  try {
    target = new URL(endpoint);
  } catch {
    return;
  }
  const stratusHost = target.hostname;
  const stratusPort = Number(target.port || 80);
  const agent = new http.Agent({ keepAlive: true });

  /** The options of a request to Stratus in place of one to `url`/`options`, or undefined. */
  const rewrite = (url: URL | undefined, options: RequestOptions): RequestOptions | undefined => {
    const host = url ? url.hostname : (options.hostname ?? options.host ?? '').replace(/:\d+$/, '');
    const port = url ? url.port : options.port ?? undefined;
    if (!host || !isForStratus(host, port ?? undefined, stratusPort)) return undefined;
    const headers = { ...(options.headers as Record<string, string> | undefined) };
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'host')) headers.host = url ? url.host : port ? `${host}:${port}` : host;
    const path = url ? url.pathname + url.search : options.path;
    const { protocol: _p, host: _h, hostname: _hn, port: _po, agent: _a, createConnection: _c, ...rest } = options;
    void _p, _h, _hn, _po, _a, _c;
    return { ...rest, path, headers, protocol: 'http:', hostname: stratusHost, port: stratusPort, agent };
  };

  const wrap = (original: RequestFn): RequestFn =>
    function (this: unknown, ...args: unknown[]): ClientRequest {
      let url: URL | undefined;
      let i = 0;
      if (typeof args[0] === 'string' || args[0] instanceof URL) {
        try {
          url = new URL(String(args[0]));
        } catch {
          return original.apply(this, args);
        }
        i = 1;
      }
      const options = (typeof args[i] === 'object' && args[i] !== null ? args[i] : {}) as RequestOptions;
      const callback = args.find((a) => typeof a === 'function') as ((res: IncomingMessage) => void) | undefined;
      const redirected = rewrite(url, options);
      if (!redirected) return original.apply(this, args);
      return originalHttpRequest(redirected, callback);
    };

  const originalHttpRequest = http.request.bind(http) as (o: RequestOptions, cb?: (res: IncomingMessage) => void) => ClientRequest;
  for (const mod of [http, https] as unknown as Record<string, RequestFn>[]) {
    const request = wrap(mod.request!);
    mod.request = request;
    mod.get = function (this: unknown, ...args: unknown[]): ClientRequest {
      const req = request.apply(this, args);
      req.end();
      return req;
    };
  }
  // ES modules importing { request } from 'node:https' see the patched functions too.
  syncBuiltinESMExports();

  const originalFetch = globalThis.fetch;
  if (typeof originalFetch === 'function') {
    globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      // The URL first, without a Request: building one would take over a streamed body that the
      // original fetch still has to send.
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!isForStratus(url.hostname, url.port, stratusPort)) return originalFetch(input, init);
      const request = new Request(input, init);
      // fetch cannot set Host: send it through http.request, which can.
      const headers: Record<string, string> = {};
      request.headers.forEach((v, k) => (headers[k] = v));
      const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
      const options = rewrite(url, { method: request.method, headers })!;
      return new Promise<Response>((resolve, reject) => {
        const req = originalHttpRequest(options, (res) => {
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (Array.isArray(v)) for (const x of v) out.append(k, x);
            else if (v !== undefined) out.set(k, v);
          }
          const nullBody = request.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304;
          resolve(new Response(nullBody ? null : (Readable.toWeb(res) as ReadableStream), { status: res.statusCode ?? 502, statusText: res.statusMessage ?? '', headers: out }));
        });
        req.on('error', reject);
        request.signal?.addEventListener('abort', () => req.destroy(new DOMException('This operation was aborted', 'AbortError')));
        req.end(body);
      });
    };
  }
}
