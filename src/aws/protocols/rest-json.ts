import { AwsError } from '../errors.js';
import type { OperationModel } from '../model.js';
import type { ServiceIndex } from '../service-index.js';
import type { HttpResponse } from '../../core/http.js';
import type { RequestContext } from '../../core/context.js';
import { parseJsonBody } from './json.js';
import { RestProtocol } from './rest.js';
import { toJsonValue } from './values.js';
import { messageKey, restJsonErrorType, unknownRouteResponse } from './wire.js';

/** restJson1: REST bindings with JSON bodies; errors named by the x-amzn-ErrorType header. */
export class RestJsonProtocol extends RestProtocol {
  protected readonly restJson = true;

  protected readBody(svc: ServiceIndex, _shapeName: string, body: Buffer): Record<string, unknown> {
    try {
      return parseJsonBody(body) as Record<string, unknown>;
    } catch (e) {
      // Lambda names an unparseable body by its own error (its Jackson text follows the prefix).
      if (svc.errorShape('InvalidRequestContentException') && e instanceof AwsError) {
        throw new AwsError('InvalidRequestContentException', `Could not parse request body into json: Could not parse payload into json: ${e.message}`, 400);
      }
      throw e;
    }
  }

  protected writeBody(svc: ServiceIndex, _operation: OperationModel, shapeName: string, output: Record<string, unknown>) {
    return { body: JSON.stringify(toJsonValue(svc, shapeName, output, true) ?? {}), contentType: 'application/json' };
  }

  error(svc: ServiceIndex, err: AwsError, ctx: RequestContext): HttpResponse {
    const unknown = unknownRouteResponse(svc, err, ctx.requestId);
    if (unknown) return unknown;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-amzn-requestid': ctx.requestId,
      'x-amzn-errortype': restJsonErrorType(svc, err.code),
    };
    const shape = svc.errorShape(err.code);
    const body: Record<string, unknown> = {};
    // Lambda's errors carry the fault side: {"Type":"User","Message":"..."}.
    if (shape?.members?.Type) body.Type = err.senderFault ? 'User' : 'Service';
    body[messageKey(svc, err.code)] = err.message;
    for (const key in err.fields) {
      const ref = shape?.members?.[key];
      const v = err.fields[key];
      if (ref?.location === 'header') {
        if (v !== undefined && v !== null) headers[(ref.locationName ?? key).toLowerCase()] = String(v);
      } else {
        body[ref?.locationName ?? key] = ref ? toJsonValue(svc, ref.shape, v, true) : v;
      }
    }
    for (const key in err.headers) headers[key] = err.headers[key]!;
    return { status: err.status, headers, body: JSON.stringify(body) };
  }
}
