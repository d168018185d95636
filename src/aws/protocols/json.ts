import { AwsError } from '../errors.js';
import type { OperationModel } from '../model.js';
import type { ServiceIndex } from '../service-index.js';
import { SerializedJson } from '../serialized-json.js';
import { readInput, serializationError } from '../validate.js';
import type { HttpRequest, HttpResponse } from '../../core/http.js';
import type { RequestContext } from '../../core/context.js';
import { CBOR_CONTENT_TYPE, decodeCbor, encodeCbor, isCbor, toCborValue } from './cbor.js';
import { EventStreamOutput } from './eventstream.js';
import type { Protocol, ResolvedOperation } from './protocol.js';
import { toJsonValue } from './values.js';
import { addCrc32, frameworkError, jsonErrorType, queryErrorCode, messageKey, unknownRoute, unknownRouteResponse } from './wire.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a JSON request body; malformed JSON or invalid UTF-8 is AWS's SerializationException. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw serializationError('Invalid UTF-8 start byte');
  }
  try {
    return JSON.parse(text) ?? {};
  } catch {
    throw serializationError('Unexpected character: was expecting a JSON value');
  }
}

/** awsJson1_0 and awsJson1_1: POST /, X-Amz-Target: <prefix>.<Operation>, JSON in and out. */
export class AwsJsonProtocol implements Protocol {
  constructor(private readonly version: '1.0' | '1.1') {}

  resolve(req: HttpRequest, svc: ServiceIndex): ResolvedOperation {
    const target = req.headers['x-amz-target'] ?? '';
    const dot = target.lastIndexOf('.');
    const name = dot >= 0 ? target.slice(dot + 1) : '';
    const operation = dot >= 0 && target.slice(0, dot) === svc.targetPrefix ? svc.operations.get(name) : undefined;
    if (req.method !== 'POST') throw unknownRoute();
    // An unknown target: the bare type and no message, {"__type":"...#UnknownOperationException"}.
    if (!operation) throw frameworkError(new AwsError('UnknownOperationException', '', 400));
    return { operation };
  }

  /** Bodies of this protocol are whole documents. */
  streamsInput(): boolean {
    return false;
  }

  input(req: HttpRequest, svc: ServiceIndex, resolved: ResolvedOperation, validationCode: string): any {
    const inputShape = resolved.operation.input?.shape;
    if (isCbor(req.headers['content-type'])) {
      // The Java SDK's CBOR variant (Kinesis): the same members, blobs as bytes, timestamps as dates.
      let doc: unknown;
      try {
        doc = decodeCbor(req.body);
      } catch {
        throw serializationError('');
      }
      return inputShape ? readInput(svc, inputShape, doc ?? {}, false, validationCode, true) : {};
    }
    let body: unknown;
    try {
      body = parseJsonBody(req.body);
    } catch {
      // Unparseable JSON gets the bare type and no message: {"__type":"SerializationException"}
      // ({"__type":"com.amazon.coral.service#SerializationException"} from DynamoDB).
      throw serializationError('');
    }
    if (!inputShape) return {};
    return readInput(svc, inputShape, body, true, validationCode);
  }

  output(svc: ServiceIndex, operation: OperationModel, output: any, ctx: RequestContext): HttpResponse {
    // An event-stream output (Kinesis SubscribeToShard): its messages, sent as they come.
    if (output instanceof EventStreamOutput) {
      return { status: 200, headers: { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': ctx.requestId }, body: output.body() };
    }
    if (isCbor(ctx.headers?.['content-type'])) {
      const shape = operation.output?.shape;
      const doc = (shape && output ? toCborValue(svc, shape, output) : {}) ?? {};
      return { status: 200, headers: { 'content-type': CBOR_CONTENT_TYPE, 'x-amzn-requestid': ctx.requestId }, body: encodeCbor(doc) };
    }
    const headers: Record<string, string> = { 'content-type': this.contentType(), 'x-amzn-requestid': ctx.requestId };
    let body: string;
    if (output instanceof SerializedJson) body = output.text;
    else {
      const shape = operation.output?.shape;
      body = JSON.stringify((shape && output ? toJsonValue(svc, shape, output, false) : {}) ?? {});
    }
    addCrc32(svc, headers, body);
    return { status: 200, headers, body };
  }

  error(svc: ServiceIndex, err: AwsError, ctx: RequestContext): HttpResponse {
    const unknown = unknownRouteResponse(svc, err, ctx.requestId);
    if (unknown) return unknown;
    const headers: Record<string, string> = {
      'content-type': this.contentType(),
      'x-amzn-requestid': ctx.requestId,
      ...err.headers,
    };
    const shape = svc.errorShape(err.code);
    if (svc.model.metadata.awsQueryCompatible) {
      headers['x-amzn-query-error'] = `${queryErrorCode(svc, err.code)};${err.senderFault ? 'Sender' : 'Receiver'}`;
    }
    const body: Record<string, unknown> = { __type: jsonErrorType(svc, err) };
    if (err.message) body[messageKey(svc, err.code)] = err.message;
    for (const key in err.fields) body[key] = err.fields[key];
    const fields = shape && Object.keys(err.fields).length > 0 ? (toJsonValue(svc, err.code, err.fields, false) as Record<string, unknown>) : undefined;
    if (fields) for (const key in fields) body[key] = fields[key];
    if (isCbor(ctx.headers?.['content-type'])) {
      headers['content-type'] = CBOR_CONTENT_TYPE;
      headers['x-amzn-errortype'] = err.code;
      return { status: err.status, headers, body: encodeCbor(body) };
    }
    const text = JSON.stringify(body);
    addCrc32(svc, headers, text);
    return { status: err.status, headers, body: text };
  }

  private contentType(): string {
    return `application/x-amz-json-${this.version}`;
  }
}
