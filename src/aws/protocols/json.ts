import { AwsError } from '../errors.js';
import type { OperationModel } from '../model.js';
import type { ServiceIndex } from '../service-index.js';
import { readInput, serializationError } from '../validate.js';
import type { HttpRequest, HttpResponse } from '../../server/http.js';
import type { RequestContext } from '../../server/context.js';
import type { Protocol, ResolvedOperation } from './protocol.js';
import { toJsonValue } from './values.js';

/** Namespaces AWS puts before the error code in `__type`, where a service is known to. */
const ERROR_NAMESPACES: Record<string, string> = {
  dynamodb: 'com.amazonaws.dynamodb.v20120810',
  dynamodbstreams: 'com.amazonaws.dynamodb.v20120810',
};
const CORAL_ERRORS: Record<string, string> = {
  ValidationException: 'com.amazon.coral.validate',
  SerializationException: 'com.amazon.coral.service',
  UnknownOperationException: 'com.amazon.coral.service',
  InternalFailure: 'com.amazon.coral.service',
  AccessDeniedException: 'com.amazon.coral.service',
  UnrecognizedClientException: 'com.amazon.coral.service',
  InvalidSignatureException: 'com.amazon.coral.service',
  MissingAuthenticationTokenException: 'com.amazon.coral.service',
  IncompleteSignatureException: 'com.amazon.coral.service',
  NotImplemented: 'com.amazon.coral.service',
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a JSON request body; malformed JSON or invalid UTF-8 is AWS's SerializationException. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw serializationError('Invalid UTF-8 in the request body');
  }
  try {
    return JSON.parse(text) ?? {};
  } catch {
    throw serializationError('Could not parse request body into json: Unexpected token, malformed JSON');
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
    if (!operation || req.method !== 'POST') {
      throw new AwsError('UnknownOperationException', target ? `Unknown operation ${target}` : 'Missing X-Amz-Target header', 400);
    }
    return { operation };
  }

  input(req: HttpRequest, svc: ServiceIndex, resolved: ResolvedOperation, validationCode: string): any {
    const inputShape = resolved.operation.input?.shape;
    const body = parseJsonBody(req.body);
    if (!inputShape) return {};
    return readInput(svc, inputShape, body, true, validationCode);
  }

  output(svc: ServiceIndex, operation: OperationModel, output: any, ctx: RequestContext): HttpResponse {
    const shape = operation.output?.shape;
    const data = shape && output ? toJsonValue(svc, shape, output, false) : {};
    return {
      status: 200,
      headers: { 'content-type': this.contentType(), 'x-amzn-requestid': ctx.requestId },
      body: JSON.stringify(data ?? {}),
    };
  }

  error(svc: ServiceIndex, err: AwsError, ctx: RequestContext): HttpResponse {
    const namespace = svc.errorShape(err.code) ? ERROR_NAMESPACES[svc.name] : CORAL_ERRORS[err.code] && ERROR_NAMESPACES[svc.name] ? CORAL_ERRORS[err.code] : undefined;
    const headers: Record<string, string> = {
      'content-type': this.contentType(),
      'x-amzn-requestid': ctx.requestId,
      ...err.headers,
    };
    if (svc.model.metadata.awsQueryCompatible) {
      const code = svc.errorShape(err.code)?.error?.code ?? err.code;
      headers['x-amzn-query-error'] = `${code};${err.senderFault ? 'Sender' : 'Receiver'}`;
    }
    const body = { __type: namespace ? `${namespace}#${err.code}` : err.code, message: err.message, ...err.fields };
    return { status: err.status, headers, body: JSON.stringify(body) };
  }

  private contentType(): string {
    return `application/x-amz-json-${this.version}`;
  }
}
