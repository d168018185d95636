import type { AwsError } from '../errors.js';
import type { OperationModel } from '../model.js';
import type { ServiceIndex } from '../service-index.js';
import type { HttpResponse } from '../../server/http.js';
import type { RequestContext } from '../../server/context.js';
import { RestProtocol } from './rest.js';
import { escapeXml, fromXml, parseXml, xmlMembers } from './xml.js';

/** restXml (S3, CloudFront): REST bindings with XML bodies. */
export class RestXmlProtocol extends RestProtocol {
  protected readonly restJson = false;

  protected readBody(svc: ServiceIndex, shapeName: string, body: Buffer): Record<string, unknown> {
    const doc = parseXml(body);
    const root = Object.keys(doc).find((k) => !k.startsWith('?'));
    const typed = fromXml(svc, { shape: shapeName }, root ? doc[root] : {}) as Record<string, unknown>;
    return toJsonShaped(typed);
  }

  protected writeBody(svc: ServiceIndex, operation: OperationModel, shapeName: string, output: Record<string, unknown>) {
    const shape = svc.shape(shapeName);
    const inner = xmlMembers(svc, shapeName, output);
    if (!inner && !shape.locationName) return undefined;
    const name = shape.locationName ?? shapeName;
    const ns = shape.xmlNamespace?.uri ?? svc.model.metadata.xmlNamespace;
    void operation;
    return {
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<${name}${ns ? ` xmlns="${ns}"` : ''}>${inner}</${name}>`,
      contentType: 'application/xml',
    };
  }

  error(svc: ServiceIndex, err: AwsError, ctx: RequestContext): HttpResponse {
    const code = svc.errorShape(err.code)?.error?.code ?? err.code;
    const extra = Object.entries(err.fields)
      .map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`)
      .join('');
    const s3Style = svc.name === 's3';
    const error = `<Code>${escapeXml(code)}</Code><Message>${escapeXml(err.message)}</Message>${extra}`;
    const body = s3Style
      ? `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${error}<RequestId>${ctx.requestId}</RequestId></Error>`
      : `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>${err.senderFault ? 'Sender' : 'Receiver'}</Type>${error}</Error><RequestId>${ctx.requestId}</RequestId></ErrorResponse>`;
    return {
      status: err.status,
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': ctx.requestId, 'x-amzn-requestid': ctx.requestId, ...err.headers },
      body,
    };
  }
}

/** fromXml yields typed values; readInput expects JSON-shaped ones (dates as epoch, blobs base64). */
function toJsonShaped(v: unknown): any {
  if (v instanceof Date) return v.getTime() / 1000;
  if (Buffer.isBuffer(v)) return v.toString('base64');
  if (Array.isArray(v)) return v.map(toJsonShaped);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJsonShaped(x)]));
  return v;
}
