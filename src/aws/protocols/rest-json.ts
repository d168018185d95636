import type { AwsError } from '../errors.js';
import type { OperationModel } from '../model.js';
import type { ServiceIndex } from '../service-index.js';
import type { HttpResponse } from '../../server/http.js';
import type { RequestContext } from '../../server/context.js';
import { parseJsonBody } from './json.js';
import { RestProtocol } from './rest.js';
import { toJsonValue } from './values.js';

/** restJson1: REST bindings with JSON bodies; errors named by the x-amzn-ErrorType header. */
export class RestJsonProtocol extends RestProtocol {
  protected readonly restJson = true;

  protected readBody(_svc: ServiceIndex, _shapeName: string, body: Buffer): Record<string, unknown> {
    return parseJsonBody(body) as Record<string, unknown>;
  }

  protected writeBody(svc: ServiceIndex, _operation: OperationModel, shapeName: string, output: Record<string, unknown>) {
    return { body: JSON.stringify(toJsonValue(svc, shapeName, output, true) ?? {}), contentType: 'application/json' };
  }

  error(_svc: ServiceIndex, err: AwsError, ctx: RequestContext): HttpResponse {
    return {
      status: err.status,
      headers: {
        'content-type': 'application/json',
        'x-amzn-requestid': ctx.requestId,
        'x-amzn-errortype': err.code,
        ...err.headers,
      },
      body: JSON.stringify({ message: err.message, ...err.fields }),
    };
  }
}
