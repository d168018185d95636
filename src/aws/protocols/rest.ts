import { AwsError } from '../errors.js';
import type { MemberRef, OperationModel, Shape } from '../model.js';
import type { ServiceIndex } from '../service-index.js';
import { BOUND_MEMBERS, readInput } from '../validate.js';
import { isBodySource, type BodySource, type BodyStream, type HttpRequest, type HttpResponse } from '../../core/http.js';
import type { RequestContext } from '../../core/context.js';
import type { Protocol, ResolvedOperation } from './protocol.js';
import { matchRoute } from './rest-routes.js';
import { formatTimestamp, fromText, toText } from './values.js';
import { unknownRoute } from './wire.js';

/**
 * An operation's output may set its HTTP status where the model binds none (S3 GetObject's 206 for
 * a range): `{ ...output, [RESPONSE_STATUS]: 206 }`.
 */
export const RESPONSE_STATUS = Symbol('responseStatus');

/**
 * What restJson1 and restXml share: operations found by method and URI template, input members
 * bound to URI labels, query strings and headers, an optional payload member, and the same
 * bindings on the way out (headers, status code, payload). The body format is the subclass's.
 */
export abstract class RestProtocol implements Protocol {
  protected abstract readonly restJson: boolean;
  /** Parses the body into raw members of `shapeName` (JSON-shaped values). */
  protected abstract readBody(svc: ServiceIndex, shapeName: string, body: Buffer): Record<string, unknown> | undefined;
  /** Writes the output members that are not bound elsewhere; returns body and content type. */
  protected abstract writeBody(svc: ServiceIndex, operation: OperationModel, shapeName: string, output: Record<string, unknown>): { body: string; contentType: string } | undefined;
  abstract error(svc: ServiceIndex, err: AwsError, ctx: RequestContext): HttpResponse;

  resolve(req: HttpRequest, svc: ServiceIndex): ResolvedOperation {
    const match = matchRoute(svc.restRoutes, req.method, req.rawPath, new URLSearchParams(req.rawQuery), req.headers);
    if (!match) throw unknownRoute();
    return { operation: match.route.operation, labels: match.labels };
  }

  streamsInput(svc: ServiceIndex, operation: OperationModel): boolean {
    const shape = operation.input ? svc.shape(operation.input.shape) : undefined;
    const payload = shape?.payload ? shape.members?.[shape.payload] : undefined;
    return !!payload && streams(svc, payload);
  }

  input(req: HttpRequest, svc: ServiceIndex, resolved: ResolvedOperation, validationCode: string): any {
    const inputRef = resolved.operation.input;
    if (!inputRef) return {};
    const shape = svc.shape(inputRef.shape);
    const raw: Record<string, unknown> = {};
    const query = new URLSearchParams(req.rawQuery);
    const boundQuery = new Set<string>();
    let queryMap: string | undefined;
    let payloadValue: unknown;
    // A streaming payload reaches the provider as the body stream itself, unread.
    let payloadStream: BodyStream | undefined;
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const memberShape = svc.shape(ref.shape);
      const wireName = ref.locationName ?? name;
      switch (ref.location) {
        case 'uri': {
          const v = resolved.labels?.[wireName];
          if (v !== undefined) raw[name] = jsonShaped(svc, memberShape, v, 'iso8601');
          break;
        }
        case 'querystring':
          if (memberShape.type === 'map') {
            queryMap = name;
          } else if (memberShape.type === 'list') {
            boundQuery.add(wireName);
            if (query.has(wireName)) raw[name] = query.getAll(wireName).map((v) => jsonShaped(svc, svc.shape(memberShape.member!.shape), v, 'iso8601'));
          } else if (query.has(wireName)) {
            boundQuery.add(wireName);
            raw[name] = jsonShaped(svc, memberShape, query.get(wireName)!, 'iso8601');
          }
          break;
        case 'header': {
          const v = req.headers[wireName.toLowerCase()];
          if (v === undefined) break;
          if (memberShape.type === 'list') {
            const itemShape = svc.shape(memberShape.member!.shape);
            raw[name] = splitHeaderList(v, itemShape.type === 'timestamp').map((s) => jsonShaped(svc, itemShape, s, 'rfc822'));
          }
          else raw[name] = ref.jsonvalue ? Buffer.from(v, 'base64').toString('utf8') : jsonShaped(svc, memberShape, v, 'rfc822');
          break;
        }
        case 'headers': {
          const prefix = (ref.locationName ?? '').toLowerCase();
          const map: Record<string, string> = {};
          for (const [h, v] of Object.entries(req.headers)) if (h.startsWith(prefix) && v !== undefined) map[h.slice(prefix.length)] = v;
          if (Object.keys(map).length > 0) raw[name] = map;
          break;
        }
        default:
          if (shape.payload === name) {
            if (memberShape.type === 'blob' && req.stream && streams(svc, ref)) payloadStream = req.stream;
            else if (memberShape.type === 'blob') payloadValue = req.body;
            else if (memberShape.type === 'string') payloadValue = req.body.toString('utf8');
            else if (req.body.length > 0) raw[name] = this.readBody(svc, ref.shape, req.body);
          }
      }
    }
    if (queryMap) {
      const map: Record<string, string> = {};
      for (const [k, v] of query) if (!boundQuery.has(k)) map[k] = v;
      raw[queryMap] = map;
    }
    // A required payload (API Gateway's ImportRestApi body) must be present when the input is validated.
    if (shape.payload && shape.required?.includes(shape.payload)) {
      if (payloadStream) raw[shape.payload] = '';
      else if (payloadValue !== undefined && (payloadValue as Buffer | string).length > 0) {
        raw[shape.payload] = Buffer.isBuffer(payloadValue) ? payloadValue.toString('base64') : payloadValue;
      }
    }
    const bound: Record<string, unknown> = {};
    for (const [name, ref] of Object.entries(shape.members ?? {})) if (ref.location && name in raw) bound[name] = raw[name];
    (raw as { [BOUND_MEMBERS]?: Record<string, unknown> })[BOUND_MEMBERS] = bound;
    if (!shape.payload && req.body.length > 0) Object.assign(raw, this.readBody(svc, inputRef.shape, req.body));
    const input = readInput(svc, inputRef.shape, raw, true, validationCode, this.restJson);
    if (payloadStream) input[shape.payload!] = payloadStream;
    else if (payloadValue !== undefined && (payloadValue as Buffer | string).length > 0) input[shape.payload!] = payloadValue;
    return input;
  }

  output(svc: ServiceIndex, operation: OperationModel, output: any, ctx: RequestContext): HttpResponse {
    const headers: Record<string, string> = { 'x-amzn-requestid': ctx.requestId };
    if (svc.name === 's3') {
      // S3 names every response by x-amz-request-id and x-amz-id-2 (its host id).
      headers['x-amz-request-id'] = ctx.requestId;
      headers['x-amz-id-2'] = Buffer.from(ctx.requestId).toString('base64');
    }
    let status = (output?.[RESPONSE_STATUS] as number | undefined) ?? operation.http.responseCode ?? 200;
    const shapeName = operation.output?.shape;
    if (!shapeName || !output) return { status, headers, body: '' };
    const shape = svc.shape(shapeName);
    let body: Buffer | string | BodySource = '';
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const v = output[name];
      if (v === undefined || v === null) continue;
      const memberShape = svc.shape(ref.shape);
      if (ref.location === 'header') {
        headers[(ref.locationName ?? name).toLowerCase()] = ref.jsonvalue
          ? Buffer.from(JSON.stringify(v)).toString('base64')
          : memberShape.type === 'list'
            ? (v as unknown[]).map((x) => quoteHeaderItem(toText(svc.shape(memberShape.member!.shape), x, 'rfc822'))).join(', ')
            : toText(memberShape, v, 'rfc822', ref);
      } else if (ref.location === 'headers') {
        for (const [k, hv] of Object.entries(v as Record<string, string>)) headers[`${(ref.locationName ?? '').toLowerCase()}${k}`] = hv;
      } else if (ref.location === 'statusCode') {
        status = v as number;
      } else if (shape.payload === name) {
        if (memberShape.eventstream && isBodySource(v)) {
          // An event-stream output (Lambda's InvokeWithResponseStream): the operation yields encoded messages.
          body = v;
          headers['content-type'] = 'application/vnd.amazon.eventstream';
        } else if (memberShape.type === 'blob' || memberShape.type === 'string') {
          // A streaming payload (S3 GetObject's Body) may be returned as an async iterable, sent as produced.
          body = Buffer.isBuffer(v) || typeof v === 'string' || isBodySource(v) ? v : Buffer.from(v as Uint8Array);
          headers['content-type'] ??= memberShape.type === 'blob' ? 'application/octet-stream' : 'text/plain';
        } else {
          const written = this.writeBody(svc, operation, ref.shape, v as Record<string, unknown>);
          if (written) {
            body = written.body;
            headers['content-type'] = written.contentType;
          }
        }
      }
    }
    if (!shape.payload) {
      const written = this.writeBody(svc, operation, shapeName, output);
      if (written) {
        body = written.body;
        headers['content-type'] = written.contentType;
      }
    }
    return { status, headers, body };
  }
}

/** A payload blob sent as a stream: marked on its member (current models) or on its shape (older ones). */
function streams(svc: ServiceIndex, ref: MemberRef): boolean {
  return !!ref.streaming || !!svc.shape(ref.shape).streaming;
}

/** Turns a text value (URI label, query, header) into its JSON-shaped form for readInput. */
function jsonShaped(svc: ServiceIndex, shape: Shape, text: string, defaultTimestamp: 'iso8601' | 'rfc822'): unknown {
  if (shape.type === 'blob') return text; // base64 text, decoded by readInput
  const v = fromText(svc, shape, text, defaultTimestamp);
  return v instanceof Date ? formatTimestamp(v, 'unixTimestamp') : v;
}

/**
 * Splits a list-valued header as the SDKs write it: items joined by commas, an item holding a
 * comma or a quote sent as a quoted string; HTTP-dates (which hold a comma) split every second comma.
 */
export function splitHeaderList(value: string, dates: boolean): string[] {
  if (dates) {
    const parts = value.split(',');
    const out: string[] = [];
    for (let i = 0; i < parts.length; i += 2) out.push(`${parts[i]!.trim()},${parts[i + 1] ?? ''}`.trim());
    return out;
  }
  const out: string[] = [];
  let i = 0;
  while (i <= value.length) {
    while (value[i] === ' ' || value[i] === '\t') i++;
    if (value[i] === '"') {
      let item = '';
      i++;
      while (i < value.length && value[i] !== '"') {
        if (value[i] === '\\' && i + 1 < value.length) i++;
        item += value[i++];
      }
      out.push(item);
      const comma = value.indexOf(',', i);
      if (comma < 0) break;
      i = comma + 1;
    } else {
      const comma = value.indexOf(',', i);
      out.push(value.slice(i, comma < 0 ? undefined : comma).trim());
      if (comma < 0) break;
      i = comma + 1;
    }
  }
  return out;
}

/** A header list item with a comma or quote is sent quoted, its quotes and backslashes escaped. */
function quoteHeaderItem(s: string): string {
  return /[",]/.test(s) && !/^[A-Z][a-z]{2}, \d{2} /.test(s) ? `"${s.replace(/[\\"]/g, '\\$&')}"` : s;
}
