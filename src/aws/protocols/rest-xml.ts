import { AwsError } from '../errors.js';
import type { OperationModel } from '../model.js';
import type { ServiceIndex } from '../service-index.js';
import type { HttpResponse } from '../../core/http.js';
import type { RequestContext } from '../../core/context.js';
import { RestProtocol } from './rest.js';
import { escapeXml, fromXml, parseXml, toXml, xmlMembers } from './xml.js';
import { restXmlContentType, xmlNamespaceOf, xmlRootName } from './wire.js';

/** restXml (S3, CloudFront): REST bindings with XML bodies. */
export class RestXmlProtocol extends RestProtocol {
  protected readonly restJson = false;

  protected readBody(svc: ServiceIndex, shapeName: string, body: Buffer): Record<string, unknown> {
    try {
      const doc = parseXml(body);
      const root = Object.keys(doc).find((k) => !k.startsWith('?'));
      const typed = fromXml(svc, { shape: shapeName }, root ? doc[root] : {}) as Record<string, unknown>;
      return toJsonShaped(typed);
    } catch (e) {
      // S3 names a body it cannot read MalformedXML, with this text.
      if (svc.name === 's3' && e instanceof AwsError && e.code === 'SerializationException') {
        throw new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
      }
      throw e;
    }
  }

  protected writeBody(svc: ServiceIndex, operation: OperationModel, shapeName: string, output: Record<string, unknown>) {
    const shape = svc.shape(shapeName);
    const textRoot = TEXT_ROOTS[svc.name]?.[shapeName];
    if (textRoot) {
      // The one member is the root element's text (S3's <LocationConstraint>eu-west-1</LocationConstraint>).
      const v = output[textRoot];
      const ns = xmlNamespaceOf(svc);
      return {
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<${textRoot}${ns ? ` xmlns="${ns}"` : ''}>${v === undefined || v === null ? '' : escapeXml(String(v))}</${textRoot}>`,
        contentType: restXmlContentType(svc),
      };
    }
    const inner = xmlMembers(svc, shapeName, output);
    if (!inner && !shape.locationName) return undefined;
    const name = xmlRootName(svc, shapeName);
    const ns = shape.xmlNamespace?.uri ?? xmlNamespaceOf(svc);
    void operation;
    return {
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<${name}${ns ? ` xmlns="${ns}"` : ''}>${inner}</${name}>`,
      contentType: restXmlContentType(svc),
    };
  }

  error(svc: ServiceIndex, err: AwsError, ctx: RequestContext): HttpResponse {
    const shape = svc.errorShape(err.code);
    const code = shape?.error?.code ?? err.code;
    let extra = '';
    for (const key in err.fields) {
      const v = err.fields[key];
      if (v === undefined || v === null) continue;
      const ref = shape?.members?.[key];
      extra += ref ? toXml(svc, ref, v, ref.locationName ?? key) : `<${key}>${escapeXml(String(v))}</${key}>`;
    }
    const error = `<Code>${escapeXml(code)}</Code><Message>${escapeXml(err.message)}</Message>${extra}`;
    const headers: Record<string, string> = { 'content-type': restXmlContentType(svc), 'x-amzn-requestid': ctx.requestId };
    let body: string;
    if (svc.name === 's3' && err.status === 304) {
      // S3's 304 Not Modified has no body.
      for (const key in err.headers) headers[key] = err.headers[key]!;
      headers['x-amz-request-id'] = ctx.requestId;
      delete headers['content-type'];
      return { status: 304, headers, body: '' };
    }
    if (svc.name === 's3') {
      // S3: <Error> at the root, with RequestId and HostId (also sent as x-amz-request-id / x-amz-id-2).
      const hostId = Buffer.from(ctx.requestId).toString('base64');
      headers['x-amz-request-id'] = ctx.requestId;
      headers['x-amz-id-2'] = hostId;
      body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${error}<RequestId>${ctx.requestId}</RequestId><HostId>${hostId}</HostId></Error>`;
    } else {
      const ns = xmlNamespaceOf(svc);
      body =
        `<?xml version="1.0"?>\n<ErrorResponse${ns ? ` xmlns="${ns}"` : ''}><Error><Type>${err.senderFault ? 'Sender' : 'Receiver'}</Type>${error}</Error>` +
        `<RequestId>${ctx.requestId}</RequestId></ErrorResponse>`;
    }
    for (const key in err.headers) headers[key] = err.headers[key]!;
    return { status: err.status, headers, body };
  }
}

/** Outputs whose single member is written as the text of the root element named after it. */
const TEXT_ROOTS: Record<string, Record<string, string>> = { s3: { GetBucketLocationOutput: 'LocationConstraint' } };

/** fromXml yields typed values; readInput expects JSON-shaped ones (dates as epoch, blobs base64). */
function toJsonShaped(v: unknown): any {
  if (v instanceof Date) return v.getTime() / 1000;
  if (Buffer.isBuffer(v)) return v.toString('base64');
  if (Array.isArray(v)) return v.map(toJsonShaped);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJsonShaped(x)]));
  return v;
}
