import { GatewayError } from '../gateway-responses.js';
import { requestContentType } from './http-util.js';
import { paramSource } from './request-context.js';
import type { MethodRequest } from './types.js';

/** The method's request validator: required parameters present, the body valid against the content type's model. */
export function validateRequest(req: MethodRequest): void {
  const v = req.method.requestValidatorId ? req.dep.snapshot.validators[req.method.requestValidatorId] : undefined;
  if (!v) return;
  if (v.validateRequestParameters) {
    const missing: string[] = [];
    for (const [name, required] of Object.entries(req.method.requestParameters ?? {})) {
      if (!required) continue;
      const m = /^method\.request\.(querystring|header|path|multivaluequerystring|multivalueheader)\.(.+)$/.exec(name);
      if (!m) continue;
      const value = paramSource(req, name);
      if (value === undefined || (m[1] !== 'header' && value === '')) missing.push(m[2]!);
    }
    if (missing.length) throw new GatewayError('BAD_REQUEST_PARAMETERS', `Missing required request parameters: [${missing.join(', ')}]`);
  }
  if (v.validateRequestBody) {
    const models = req.method.requestModels ?? {};
    const model = models[requestContentType(req.headers)] ?? models.$default;
    if (model) {
      const body = req.stageRequest.body;
      let data: unknown;
      try {
        data = body.length ? JSON.parse(body.toString('utf8')) : undefined;
      } catch {
        throw new GatewayError('BAD_REQUEST_BODY', 'Invalid request body', undefined, { validationErrorString: '[Invalid JSON in request body]' });
      }
      const problem = req.dep.validators.validate(model, data === undefined ? {} : data);
      if (problem) throw new GatewayError('BAD_REQUEST_BODY', 'Invalid request body', undefined, { validationErrorString: problem });
    }
  }
}
