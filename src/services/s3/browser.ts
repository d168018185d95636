/**
 * S3's answers to browsers outside its model: CORS preflights (OPTIONS) from the bucket's rules,
 * the CORS headers of API responses, and form POST uploads (post-object.ts). Path-style requests
 * reach these as a data-plane route on `/`; virtual-hosted ones through the host addressing's routes.
 */
import { randomUUID } from 'node:crypto';
import { AwsError, isAwsError } from '../../aws/errors.js';
import type { RequestContext } from '../../core/context.js';
import { hostName, type HttpRequest, type HttpResponse, type ResponseSink } from '../../core/http.js';
import { isPlainHost, preflight, send } from '../../core/http.js';
import type { DataPlaneRoute } from '../service.js';
import type { S3Core } from './core.js';
import { actualCorsHeaders, bucketAndKey, preflightHeaders } from './cors.js';
import { escapeXml } from '../../aws/protocols/xml.js';
import { boundaryOf, MalformedForm, readForm } from './multipart-form.js';
import { checkPolicy, checkSignature, storePosted } from './post-object.js';
import { bucketConfig } from './bucket-config.js';
import { store } from './store.js';
import { browserHostRequest, browserPathRequest } from './addressing.js';

/** S3's XML error document (as the API's protocol writes it). */
export function xmlError(err: AwsError, requestId: string): HttpResponse {
  let extra = '';
  for (const [k, v] of Object.entries(err.fields ?? {})) if (v !== undefined && v !== null) extra += `<${k}>${escapeXml(String(v))}</${k}>`;
  const hostId = Buffer.from(requestId).toString('base64');
  return {
    status: err.status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': hostId },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message>${extra}<RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`,
    ownCors: true,
  };
}

export class S3Browser {
  /** Path-style requests on any host (the plain endpoint included): preflights with a bucket in the path, form uploads. */
  readonly pathRoute: DataPlaneRoute;
  /** Virtual-hosted requests (the path already `/bucket/...`). */
  readonly hostRoute: DataPlaneRoute;

  constructor(private readonly core: S3Core) {
    this.pathRoute = {
      pathPrefix: '/',
      streaming: true,
      accepts: browserPathRequest,
      handle: (req, res) => this.handle(req, res, false),
    };
    this.hostRoute = {
      streaming: true,
      accepts: browserHostRequest,
      handle: (req, res) => this.handle(req, res, true),
    };
  }

  private async handle(req: HttpRequest, res: ResponseSink, virtual: boolean): Promise<void> {
    const requestId = randomUUID();
    let response: HttpResponse;
    try {
      response = req.method === 'OPTIONS' ? await this.preflight(req, res, virtual, requestId) : await this.post(req, requestId);
    } catch (e) {
      if (e instanceof MalformedForm) response = xmlError(new AwsError('MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.', 400), requestId);
      else if (isAwsError(e)) response = xmlError(e, requestId);
      else throw e;
      if (req.method === 'POST' && req.headers.origin) Object.assign(response.headers, await this.corsHeaders(req).catch(() => ({})));
    }
    if (res.headersSent) return;
    const sending = send(res, req, response);
    if (sending) await sending;
  }

  private async preflight(req: HttpRequest, res: ResponseSink, virtual: boolean, requestId: string): Promise<HttpResponse> {
    const { bucket, key } = bucketAndKey(req);
    const b = await store.bucket(this.core.db, bucket);
    const host = hostName(req.headers.host);
    // On the shared endpoint a path that names no bucket may be another service's: the server's own answer.
    if (!b && !virtual && (!host || isPlainHost(host))) {
      preflight(req, res);
      return { status: 200, headers: {}, body: '' };
    }
    const rules = b ? (await bucketConfig(this.core.db, bucket)).cors : undefined;
    const headers = preflightHeaders(req, rules, !!b, key ? 'OBJECT' : 'BUCKET');
    return { status: 200, headers: { ...headers, 'x-amz-request-id': requestId }, body: '', ownCors: true };
  }

  /** The Access-Control-* headers for an API response to `req` (see ServiceProvider.corsHeaders). */
  async corsHeaders(req: HttpRequest): Promise<Record<string, string>> {
    const origin = req.headers.origin;
    const { bucket } = bucketAndKey(req);
    if (!origin || !bucket) return {};
    const rules = (await bucketConfig(this.core.db, bucket)).cors;
    return actualCorsHeaders(rules, origin, req.method);
  }

  private async post(req: HttpRequest, requestId: string): Promise<HttpResponse> {
    const { bucket } = bucketAndKey(req);
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) {
      throw new AwsError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, {
        fields: { Condition: 'Bucket POST must be of the enclosure-type multipart/form-data' },
      });
    }
    const b = await store.bucket(this.core.db, bucket);
    if (!b) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, { fields: { BucketName: bucket } });
    let response: HttpResponse | undefined;
    await readForm(req.stream!, boundary, async (fields, file) => {
      const signer = checkSignature(this.core, fields);
      const rawKey = fields.get('key');
      if (rawKey === undefined) throw new AwsError('InvalidArgument', "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.", 400, { fields: { ArgumentName: 'key', ArgumentValue: '' } });
      if (!file) throw new AwsError('InvalidArgument', 'POST requires exactly one file upload per request.', 400, { fields: { ArgumentName: 'file', ArgumentValue: '0' } });
      const key = rawKey.replace(/\$\{filename\}/g, file.filename);
      const range = checkPolicy(fields.get('policy')!, fields, bucket, key, this.core.platform.clock.now());
      const ctx: RequestContext = {
        requestId,
        accountId: signer.accountId,
        region: b.region,
        accessKeyId: signer.accessKeyId,
        service: 's3',
        operation: 'PostObject',
        clock: this.core.platform.clock,
        headers: req.headers,
        receivedAt: this.core.platform.clock.now(),
        jsonWire: false,
      };
      const object = await storePosted(this.core, ctx, bucket, key, file, range, fields);
      response = this.postResponse(req, fields, object.bucket, object.key, object.etag, requestId);
    });
    if (!response) throw new AwsError('InvalidArgument', 'POST requires exactly one file upload per request.', 400, { fields: { ArgumentName: 'file', ArgumentValue: '0' } });
    if (req.headers.origin) Object.assign(response.headers, await this.corsHeaders(req));
    return response;
  }

  /** success_action_redirect (303), else success_action_status 200 / 201 (a PostResponse document) / 204. */
  private postResponse(req: HttpRequest, fields: Map<string, string>, bucket: string, key: string, etag: string, requestId: string): HttpResponse {
    const host = req.headers.host ?? 'localhost';
    const location = `http://${host}${req.rawPath.replace(/\/$/, '')}/${encodeURIComponent(key).replace(/%2F/g, '/')}`;
    const headers: Record<string, string> = { etag, location, 'x-amz-request-id': requestId, 'x-amz-server-side-encryption': 'AES256' };
    const redirect = fields.get('success_action_redirect') ?? fields.get('redirect');
    if (redirect) {
      try {
        const url = new URL(redirect);
        url.searchParams.set('bucket', bucket);
        url.searchParams.set('key', key);
        url.searchParams.set('etag', etag);
        return { status: 303, headers: { ...headers, location: url.toString() }, body: '', ownCors: true };
      } catch {
        // Not a URL: S3 answers as if there were no redirect.
      }
    }
    const status = fields.get('success_action_status');
    if (status === '200') return { status: 200, headers, body: '', ownCors: true };
    if (status === '201') {
      const body =
        `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Location>${escapeXml(location)}</Location><Bucket>${escapeXml(bucket)}</Bucket>` +
        `<Key>${escapeXml(key)}</Key><ETag>${escapeXml(etag)}</ETag></PostResponse>`;
      return { status: 201, headers: { ...headers, 'content-type': 'application/xml' }, body, ownCors: true };
    }
    return { status: 204, headers, body: '', ownCors: true };
  }
}
