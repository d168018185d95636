import { request as httpRequest, Agent as HttpAgent, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import type { Clock } from '../../../../core/clock.js';
import { GatewayError } from '../../gateway-responses.js';
import type { Scope, Store } from '../../store.js';
import type { IntegrationDoc } from '../../types.js';
import { headerValue } from '../http-util.js';
import { integrationRequestBody, integrationUrl, mappedParameters } from '../integration-request.js';
import { integrationResponse } from '../integration-response.js';
import type { ExecutionLog, MethodRequest, Reply } from '../types.js';

/**
 * HTTP integrations: the request to the back end, which HTTP and WebSocket APIs can use as it is, and
 * REST's HTTP_PROXY and HTTP (non-proxy) integrations on top of it.
 */

/** Headers that describe one connection, not the message: never forwarded either way. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'content-length', 'host']);

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

export interface ClientCertificate {
  cert: string;
  key: string;
}

/** Stage client certificates (PEM certificate and key) by id, read once from the store. */
export class ClientCertificates {
  private readonly byKey = new Map<string, ClientCertificate>();

  constructor(private readonly store: Store) {}

  forget(): void {
    this.byKey.clear();
  }

  async get(scope: Scope, id: string | undefined): Promise<ClientCertificate | undefined> {
    if (!id) return undefined;
    const key = `${scope.accountId}/${scope.region}/${id}`;
    let c = this.byKey.get(key);
    if (!c) {
      const doc = await this.store.getCertificate(this.store.db, scope, id);
      if (!doc) return undefined;
      c = { cert: doc.pemEncodedCertificate, key: doc.privateKeyPem };
      this.byKey.set(key, c);
    }
    return c;
  }
}

/** One request to an HTTP back end. */
export interface BackendRequest {
  url: URL;
  method: string;
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** The socket is destroyed after this long (the caller's own timeout answers the client). */
  timeoutMs: number;
  insecureSkipVerification?: boolean;
  /** Presented to an HTTPS back end. */
  clientCertificate?: ClientCertificate;
}

export interface BackendResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Sends a request to the back end; a connection failure is the API's configuration error (logged). */
export function sendToBackend(r: BackendRequest, clock: Clock, log: ExecutionLog): Promise<BackendResponse> {
  const isHttps = r.url.protocol === 'https:';
  const cert = isHttps ? r.clientCertificate : undefined;
  return new Promise((resolve, reject) => {
    const send = isHttps ? httpsRequest : httpRequest;
    const out = send(
      r.url,
      {
        method: r.method,
        headers: { ...r.headers, 'content-length': String(r.body.length) },
        agent: isHttps ? httpsAgent : httpAgent,
        rejectUnauthorized: isHttps ? !r.insecureSkipVerification : undefined,
        ...(cert ? { cert: cert.cert, key: cert.key } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    out.on('error', (e) => {
      log.lines.push(`Execution failed due to an internal error: ${e.message}`);
      reject(new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500));
    });
    const timer = clock.setTimer(r.timeoutMs, () => out.destroy());
    out.on('close', () => timer.cancel());
    out.end(r.body);
  });
}

/** The client's headers as a proxy forwards them (hop-by-hop ones dropped). */
export function forwardedHeaders(multiHeaders: Record<string, string[]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(multiHeaders)) if (!HOP_BY_HOP.has(k.toLowerCase())) out[k] = v.length === 1 ? v[0]! : v;
  return out;
}

/** The back end's headers as a proxy returns them (hop-by-hop ones dropped). */
export function returnedHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  return out;
}

/** What the REST HTTP integrations need besides the request. */
export interface HttpBackends {
  readonly clock: Clock;
  readonly certificates: ClientCertificates;
}

/** Sends for a REST method: the integration's timeout and TLS settings, the stage's client certificate. */
async function sendForMethod(backends: HttpBackends, req: MethodRequest, i: IntegrationDoc, url: URL, method: string, headers: Record<string, string | string[]>, body: Buffer): Promise<BackendResponse> {
  const clientCertificate = url.protocol === 'https:' ? await backends.certificates.get(req.dep.scope, req.dep.stage.clientCertificateId) : undefined;
  const insecureSkipVerification = i.tlsConfig?.insecureSkipVerification;
  return sendToBackend({ url, method, headers, body, timeoutMs: i.timeoutInMillis, insecureSkipVerification, clientCertificate }, backends.clock, req.log);
}

/** HTTP_PROXY: the client's request passed through (plus mapped parameters), the back end's response passed back. */
export async function httpProxyIntegration(backends: HttpBackends, req: MethodRequest, i: IntegrationDoc): Promise<Reply> {
  const url = integrationUrl(req, i, true);
  const headers = forwardedHeaders(req.multiHeaders);
  for (const [k, v] of Object.entries(mappedParameters(req, i).header)) headers[k] = v;
  const verb = !i.httpMethod || i.httpMethod === 'ANY' ? req.stageRequest.method : i.httpMethod;
  const r = await sendForMethod(backends, req, i, url, verb, headers, req.stageRequest.body);
  return { status: r.status, headers: returnedHeaders(r.headers), body: r.body };
}

/** HTTP (non-proxy): the mapped request to the back end, its response through the integration responses. */
export async function httpIntegration(backends: HttpBackends, req: MethodRequest, i: IntegrationDoc): Promise<Reply> {
  const payload = integrationRequestBody(req, i);
  const url = integrationUrl(req, i, false);
  const headers: Record<string, string> = { ...mappedParameters(req, i).header };
  for (const [k, v] of Object.entries(req.requestOverride?.header ?? {})) if (v !== undefined && v !== null) headers[k] = String(v);
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = Object.keys(i.requestTemplates ?? {}).length ? 'application/json' : headerValue(req.headers, 'content-type') ?? 'application/json';
  const r = await sendForMethod(backends, req, i, url, i.httpMethod === 'ANY' ? req.stageRequest.method : i.httpMethod ?? req.stageRequest.method, headers, payload);
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(',') : v;
  return integrationResponse(req, i, { status: r.status, headers: flat, body: r.body, selector: String(r.status) });
}
