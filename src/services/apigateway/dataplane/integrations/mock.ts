import type { IntegrationDoc } from '../../types.js';
import { integrationRequestBody } from '../integration-request.js';
import { integrationResponse } from '../integration-response.js';
import type { MethodRequest, Reply } from '../types.js';

/** MOCK: no back end; the request template's `statusCode` selects the integration response (200 without one). */
export function mockIntegration(req: MethodRequest, i: IntegrationDoc): Reply {
  const body = integrationRequestBody(req, i).toString('utf8');
  let status = 200;
  const hasTemplate = Object.keys(i.requestTemplates ?? {}).length > 0;
  if (hasTemplate) {
    try {
      const parsed = body.trim() ? JSON.parse(body) : {};
      if (parsed.statusCode !== undefined) status = Number(parsed.statusCode);
    } catch {
      status = 200;
    }
  }
  return integrationResponse(req, i, { status, headers: {}, body: Buffer.alloc(0), selector: String(status) });
}
