/**
 * Static website hosting: `{bucket}.s3-website.{region}.localhost`, `{bucket}.s3-website-{region}.localhost`
 * and the amazonaws.com forms, served from the bucket's website configuration as S3's website
 * endpoints answer: GET and HEAD only, the index document for `/` and `.../`, a missing `dir` sent on to
 * `dir/` when `dir/index.html` exists, routing rules (by key prefix before the lookup, by error code
 * after), RedirectAllRequestsTo, per-object x-amz-website-redirect-location, the error document with
 * the error's status, and S3's HTML error pages otherwise. Every request is anonymous: an object is
 * served only if the bucket policy lets everyone s3:GetObject it (unless Block Public Access restricts
 * public policies) or its ACL is public-read (unless public ACLs are ignored).
 */
import { randomUUID } from 'node:crypto';
import { hostName, percentDecode, type HttpRequest, type HttpResponse, type ResponseSink } from '../../core/http.js';
import { send } from '../../core/http.js';
import type { DataPlaneRoute } from '../service.js';
import { allowsAnonymous } from './bucket-policy.js';
import type { S3Core } from './core.js';
import { bucketConfig, publicAccessBlockOf, type BucketConfig, type RoutingRule, type WebsiteSettings } from './bucket-config.js';
import { store, type ObjectRow } from './store.js';
import { WEBSITE_HOST } from './addressing.js';

export { WEBSITE_HOST };

const TITLES: Record<number, string> = { 403: '403 Forbidden', 404: '404 Not Found', 405: '405 Method Not Allowed' };

interface WebError {
  status: number;
  code: string;
  message: string;
  fields: [string, string][];
}

function errorPage(e: WebError, requestId: string, docError?: WebError): string {
  const items = (err: WebError) => [`<li>Code: ${err.code}</li>`, `<li>Message: ${err.message}</li>`, ...err.fields.map(([k, v]) => `<li>${k}: ${escapeHtml(v)}</li>`)];
  const lines = ['<html>', `<head><title>${TITLES[e.status] ?? e.status}</title></head>`, '<body>', `<h1>${TITLES[e.status] ?? e.status}</h1>`, '<ul>', ...items(e)];
  lines.push(`<li>RequestId: ${requestId}</li>`, `<li>HostId: ${Buffer.from(requestId).toString('base64')}</li>`, '</ul>');
  if (docError) lines.push('<h3>An Error Occurred While Attempting to Retrieve a Custom Error Document</h3>', '<ul>', ...items(docError), '</ul>');
  lines.push('<hr/>', '</body>', '</html>', '');
  return lines.join('\n');
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const noSuchKey = (key: string): WebError => ({ status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.', fields: [['Key', key]] });
const accessDenied = (): WebError => ({ status: 403, code: 'AccessDenied', message: 'Access Denied', fields: [] });

export class S3Website {
  readonly route: DataPlaneRoute;

  constructor(private readonly core: S3Core) {
    this.route = { host: WEBSITE_HOST, handle: (req, res) => this.serve(req, res) };
  }

  private async serve(req: HttpRequest, res: ResponseSink): Promise<void> {
    const response = await this.answer(req);
    response.ownCors = true;
    const sending = send(res, req, response);
    if (sending) await sending;
  }

  private async answer(req: HttpRequest): Promise<HttpResponse> {
    const requestId = randomUUID();
    const host = hostName(req.headers.host);
    const bucket = WEBSITE_HOST.exec(host)![1]!;
    const html = (e: WebError, docError?: WebError): HttpResponse => ({
      status: e.status,
      headers: { 'content-type': 'text/html; charset=utf-8', 'x-amz-request-id': requestId },
      body: errorPage(e, requestId, docError),
    });
    const b = await store.bucket(this.core.db, bucket);
    if (!b) return html({ status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist', fields: [['BucketName', bucket]] });
    const settings = await bucketConfig(this.core.db, bucket);
    const site = settings.website;
    if (!site) return html({ status: 404, code: 'NoSuchWebsiteConfiguration', message: 'The specified bucket does not have a website configuration', fields: [['BucketName', bucket]] });
    const scheme = req.headers['x-forwarded-proto'] ?? 'http';
    const path = percentDecode(req.rawPath);
    if (site.RedirectAllRequestsTo) {
      const to = site.RedirectAllRequestsTo;
      return redirect(301, `${to.Protocol ?? scheme}://${to.HostName}${path}`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return html({ status: 405, code: 'MethodNotAllowed', message: 'The specified method is not allowed against this resource.', fields: [['Method', req.method], ['ResourceType', 'OBJECT']] });
    }
    let key = path.slice(1);
    const suffix = site.IndexDocument!.Suffix;
    const byPrefix = (site.RoutingRules ?? []).find((r) => r.Condition?.HttpErrorCodeReturnedEquals === undefined && key.startsWith(r.Condition?.KeyPrefixEquals ?? ''));
    if (byPrefix) return redirect(Number(byPrefix.Redirect.HttpRedirectCode ?? 301), this.target(byPrefix, key, req, scheme));
    const original = key;
    if (key === '' || key.endsWith('/')) key += suffix;
    let found = await this.readable(settings, bucket, key, req);
    if (found === 'missing' && !original.endsWith('/') && original !== '') {
      // `dir` without its slash: S3 sends the browser to `dir/` when `dir/index.html` exists.
      if ((await this.readable(settings, bucket, `${original}/${suffix}`, req)) !== 'missing') return redirect(302, `/${original}/`);
    }
    if (typeof found === 'object') {
      if (found.meta.websiteRedirectLocation) return redirect(301, found.meta.websiteRedirectLocation);
      return this.objectResponse(found, 200, req);
    }
    const error = found === 'denied' ? accessDenied() : this.canList(settings, bucket, req) ? noSuchKey(key) : accessDenied();
    const byCode = (site.RoutingRules ?? []).find(
      (r) => r.Condition?.HttpErrorCodeReturnedEquals === String(error.status) && original.startsWith(r.Condition.KeyPrefixEquals ?? ''),
    );
    if (byCode) return redirect(Number(byCode.Redirect.HttpRedirectCode ?? 301), this.target(byCode, original, req, scheme));
    if (site.ErrorDocument) {
      found = await this.readable(settings, bucket, site.ErrorDocument.Key, req);
      if (typeof found === 'object') return this.objectResponse(found, error.status, req);
      return html(error, found === 'denied' ? accessDenied() : noSuchKey(site.ErrorDocument.Key));
    }
    return html(error);
  }

  /** Where a routing rule sends `key`. */
  private target(rule: RoutingRule, key: string, req: HttpRequest, scheme: string): string {
    const r = rule.Redirect;
    let to = key;
    if (r.ReplaceKeyWith !== undefined) to = r.ReplaceKeyWith;
    else if (r.ReplaceKeyPrefixWith !== undefined) to = r.ReplaceKeyPrefixWith + key.slice((rule.Condition?.KeyPrefixEquals ?? '').length);
    const host = r.HostName ?? req.headers.host ?? '';
    return `${r.Protocol ?? scheme}://${host}/${to}`;
  }

  /** The object if it exists and everyone may read it, else why not. */
  private async readable(settings: BucketConfig, bucket: string, key: string, req: HttpRequest): Promise<ObjectRow | 'missing' | 'denied'> {
    const o = await store.latest(this.core.db, bucket, key);
    const live = o && !o.deleteMarker ? o : undefined;
    const block = publicAccessBlockOf(settings);
    const byPolicy = !block?.RestrictPublicBuckets && allowsAnonymous(settings.policy, 's3:GetObject', `arn:aws:s3:::${bucket}/${key}`, sourceIp(req));
    const byAcl = !block?.IgnorePublicAcls && !!(live?.meta as { acl?: { Grantee: { URI?: string }; Permission: string }[] } | undefined)?.acl?.some(
      (g) => g.Grantee.URI === 'http://acs.amazonaws.com/groups/global/AllUsers' && (g.Permission === 'READ' || g.Permission === 'FULL_CONTROL'),
    );
    if (!byPolicy && !byAcl) return live || !this.canList(settings, bucket, req) ? 'denied' : 'missing';
    return live ?? 'missing';
  }

  /** Without s3:ListBucket a missing key is 403, not 404, as S3 answers. */
  private canList(settings: BucketConfig, bucket: string, req: HttpRequest): boolean {
    const block = publicAccessBlockOf(settings);
    return !block?.RestrictPublicBuckets && allowsAnonymous(settings.policy, 's3:ListBucket', `arn:aws:s3:::${bucket}`, sourceIp(req));
  }

  private objectResponse(o: ObjectRow, status: number, req: HttpRequest): HttpResponse {
    const m = o.meta;
    const headers: Record<string, string> = {
      'content-type': m.contentType ?? 'binary/octet-stream',
      'content-length': String(o.size),
      etag: o.etag,
      'last-modified': new Date(o.lastModified).toUTCString(),
    };
    if (m.cacheControl) headers['cache-control'] = m.cacheControl;
    if (m.contentEncoding) headers['content-encoding'] = m.contentEncoding;
    if (m.contentDisposition) headers['content-disposition'] = m.contentDisposition;
    if (m.contentLanguage) headers['content-language'] = m.contentLanguage;
    if (m.expires) headers.expires = m.expires;
    for (const [k, v] of Object.entries(m.metadata)) headers[`x-amz-meta-${k}`] = v;
    const body = req.method === 'HEAD' ? '' : (this.core.read(o, 0, o.size - 1) as AsyncIterable<Uint8Array>);
    return { status, headers, body };
  }
}

function redirect(status: number, location: string): HttpResponse {
  return { status, headers: { location, 'content-length': '0' }, body: '' };
}

const sourceIp = (req: HttpRequest): string => (req.raw.socket.remoteAddress ?? '').replace(/^::ffff:/, '');

export type { WebsiteSettings };
