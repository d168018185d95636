/**
 * Fetching from an origin. An S3 REST origin (`{bucket}.s3[.{region}].amazonaws.com`) is read in
 * process with GetObject/HeadObject through serviceClient, as the distribution's account (the
 * access an origin access control grants); its errors come back as S3 answers them over HTTP.
 * Every other origin is an HTTP request: host names of Stratus's own data planes (`*.amazonaws.com`,
 * `*.on.aws`, `*.localhost`, `localhost`) go to this server with the origin's name as Host (API
 * Gateway invoke hosts, function URLs, S3 website endpoints), other names to the network.
 */
import http from 'node:http';
import https from 'node:https';
import { escapeXml } from '../../../aws/protocols/xml.js';
import type { AwsError } from '../../../aws/errors.js';
import type { S3Api } from '../../../generated/s3.js';
import { serviceClient } from '../../clients.js';
import type { Platform } from '../../service.js';
import { S3_REST_ORIGIN } from '../config.js';
import type { EdgeRequest, EdgeResponse } from './events.js';
import { signForFunctionUrl } from './oac-sign.js';

/** A failure to reach the origin (CloudFront answers 502, or 504 for a timeout). */
export class OriginUnreachable extends Error {
  constructor(
    message: string,
    readonly timeout: boolean,
  ) {
    super(message);
  }
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

export function isS3RestOrigin(origin: any): boolean {
  return origin.S3OriginConfig !== undefined || (origin.s3 !== undefined && origin.custom === undefined);
}

/** `{urlId}.lambda-url.{region}.on.aws` (or `.localhost`): a function URL origin and its region. */
const FUNCTION_URL = /^[a-z0-9]{32}\.lambda-url\.([a-z0-9-]+)\.(?:on\.aws|localhost)$/;

export async function fetchOrigin(platform: Platform, account: string, origin: any, req: EdgeRequest, forwardHeaders: Record<string, string>, oac?: any): Promise<EdgeResponse> {
  const domain = String(origin.DomainName).toLowerCase();
  const path = (origin.OriginPath ?? '') + req.uri;
  const s3 = origin.S3OriginConfig ? S3_REST_ORIGIN.exec(domain) : null;
  if (s3) return fromS3(platform, account, s3[1]!, s3[2], path, req);
  const cc = origin.CustomOriginConfig ?? { OriginProtocolPolicy: 'http-only', HTTPPort: 80, HTTPSPort: 443 };
  const secure = cc.OriginProtocolPolicy === 'https-only';
  const headers: Record<string, string> = { ...forwardHeaders };
  for (const h of origin.CustomHeaders?.Items ?? []) headers[String(h.HeaderName).toLowerCase()] = String(h.HeaderValue);
  headers.host ??= domain;
  if (req.body.length) headers['content-length'] = String(req.body.length);
  let target: { host: string; port: number; secure: boolean };
  const local = domain === 'localhost' || domain.endsWith('.localhost');
  const stratus = local || domain.endsWith('.amazonaws.com') || domain.endsWith('.on.aws');
  if (stratus) {
    const endpoint = new URL(platform.endpoint());
    // `.localhost` names take the origin's port, the standard ports meaning this server's.
    const port = local ? Number(secure ? cc.HTTPSPort : cc.HTTPPort) : Number(endpoint.port);
    target = { host: endpoint.hostname, port: port === 80 || port === 443 ? Number(endpoint.port) : port, secure: false };
  } else {
    target = { host: domain, port: Number(secure ? cc.HTTPSPort : cc.HTTPPort), secure };
  }
  const urlRegion = FUNCTION_URL.exec(domain)?.[1];
  if (urlRegion && oac?.OriginAccessControlOriginType === 'lambda' && oac.SigningBehavior !== 'never') {
    if (oac.SigningBehavior === 'always' || headers.authorization === undefined) {
      delete headers.authorization;
      Object.assign(headers, signForFunctionUrl(platform, account, urlRegion, req.method, path, req.rawQuery, headers, req.body));
    }
  }
  const timeoutMs = Number(cc.OriginReadTimeout ?? 30) * 1000;
  return request(target, req.method, path + (req.rawQuery ? `?${req.rawQuery}` : ''), headers, req.body, timeoutMs);
}

function request(target: { host: string; port: number; secure: boolean }, method: string, path: string, headers: Record<string, string>, body: Buffer, timeoutMs: number): Promise<EdgeResponse> {
  return new Promise((resolve, reject) => {
    const mod = target.secure ? https : http;
    const r = mod.request({ host: target.host, port: target.port, method, path, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (e) => reject(new OriginUnreachable(e.message, false)));
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) {
          if (v === undefined || HOP_BY_HOP.has(k)) continue;
          out[k] = Array.isArray(v) ? v.join(k === 'set-cookie' ? '\n' : ', ') : v;
        }
        if (method !== 'HEAD') delete out['content-length'];
        resolve({ status: res.statusCode ?? 502, statusDescription: res.statusMessage, headers: out, body: Buffer.concat(chunks) });
      });
    });
    r.on('timeout', () => r.destroy(new OriginUnreachable('origin read timeout', true)));
    r.on('error', (e) => reject(e instanceof OriginUnreachable ? e : new OriginUnreachable(e.message, false)));
    r.end(body.length ? body : undefined);
  });
}

async function fromS3(platform: Platform, account: string, bucket: string, region: string | undefined, path: string, req: EdgeRequest): Promise<EdgeResponse> {
  const s3 = serviceClient<S3Api>(platform, 's3', { accountId: account, region: region && region !== 'external-1' ? region : 'us-east-1' });
  if (!s3) throw new OriginUnreachable('S3 is not served by this server', false);
  let key: string;
  try {
    key = decodeURIComponent(path.slice(1));
  } catch {
    key = path.slice(1);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return s3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  if (key === '') return s3Error(403, 'AccessDenied', 'Access Denied');
  try {
    const input = { Bucket: bucket, Key: key, Range: req.headers.range, IfNoneMatch: req.headers['if-none-match'] };
    const out: any = req.method === 'HEAD' ? await s3.HeadObject(input) : await s3.GetObject(input);
    const body = req.method === 'HEAD' ? Buffer.alloc(0) : await collect(out.Body);
    const headers: Record<string, string> = { 'content-type': out.ContentType ?? 'binary/octet-stream', server: 'AmazonS3' };
    if (out.ETag) headers.etag = out.ETag;
    if (out.LastModified) headers['last-modified'] = new Date(out.LastModified).toUTCString();
    if (out.CacheControl) headers['cache-control'] = out.CacheControl;
    if (out.Expires) headers.expires = typeof out.Expires === 'string' ? out.Expires : new Date(out.Expires).toUTCString();
    if (out.ContentEncoding) headers['content-encoding'] = out.ContentEncoding;
    if (out.ContentDisposition) headers['content-disposition'] = out.ContentDisposition;
    if (out.ContentLanguage) headers['content-language'] = out.ContentLanguage;
    if (out.ContentRange) headers['content-range'] = out.ContentRange;
    headers['accept-ranges'] = 'bytes';
    if (req.method === 'HEAD' && out.ContentLength !== undefined) headers['content-length'] = String(out.ContentLength);
    for (const [k, v] of Object.entries<string>(out.Metadata ?? {})) headers[`x-amz-meta-${k}`] = v;
    const partial = out.ContentRange !== undefined;
    return { status: partial ? 206 : 200, headers, body };
  } catch (e) {
    const err = e as AwsError;
    if (typeof err.status !== 'number') throw e;
    if (err.status === 304) return { status: 304, headers: { server: 'AmazonS3' }, body: Buffer.alloc(0) };
    return s3Error(err.status, err.code, err.message);
  }
}

function s3Error(status: number, code: string, message: string): EdgeResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>`;
  return { status, headers: { 'content-type': 'application/xml', server: 'AmazonS3' }, body: Buffer.from(body) };
}

async function collect(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const c of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}
