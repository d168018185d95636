import type { IntegrationDoc } from '../types.js';
import { jsonPath } from '../vtl.js';
import { fullMatch, headerValue } from './http-util.js';
import { renderMapping } from './integration-request.js';
import { paramSource } from './request-context.js';
import { configurationError, type MethodRequest, type Reply } from './types.js';

/** What a non-proxy integration answered, before the integration response maps it. */
export interface IntegrationOutput {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** What selection patterns are matched against: the status code, or a Lambda function's error message. */
  selector: string;
  /** From a Lambda function: selection patterns apply only when it failed. */
  lambda?: boolean;
  functionError?: boolean;
}

/** Selects the integration response, maps parameters and renders the response template. */
export function integrationResponse(req: MethodRequest, i: IntegrationDoc, r: IntegrationOutput): Reply {
  const responses = Object.values(i.integrationResponses ?? {});
  const fallback = responses.find((x) => !x.selectionPattern);
  let chosen = responses.find((x) => x.selectionPattern && (r.lambda ? r.functionError : true) && fullMatch(x.selectionPattern, r.selector));
  chosen ??= fallback;
  if (!chosen) throw configurationError(req.log, `No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${r.status}`);
  const responseOverride = { status: undefined as unknown, header: {} as Record<string, unknown> };
  const templates = chosen.responseTemplates ?? {};
  const accept = headerValue(req.headers, 'accept')?.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
  const entry = (accept && accept in templates ? [accept, templates[accept]!] : undefined) ?? (Object.entries(templates).find(([k]) => k === 'application/json') ?? Object.entries(templates)[0]);
  let body = r.body;
  let contentType = 'application/json';
  if (entry) {
    contentType = entry[0];
    if (entry[1] !== '') body = Buffer.from(renderMapping(req, entry[1], r.body.toString('utf8'), { responseOverride }));
  }
  if (chosen.contentHandling === 'CONVERT_TO_TEXT') body = Buffer.from(body.toString('base64'));
  else if (chosen.contentHandling === 'CONVERT_TO_BINARY') body = Buffer.from(body.toString('utf8'), 'base64');
  const headers: Record<string, string | string[]> = { 'content-type': contentType };
  let parsedBody: unknown;
  let parsedOk = false;
  for (const [target, source] of Object.entries(chosen.responseParameters ?? {})) {
    const m = /^method\.response\.header\.(.+)$/.exec(target);
    if (!m) continue;
    let v: string | undefined;
    const s = source.trim();
    let sm: RegExpExecArray | null;
    if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) v = s.slice(1, -1);
    else if ((sm = /^integration\.response\.header\.(.+)$/.exec(s))) v = headerValue(r.headers, sm[1]!);
    else if ((sm = /^integration\.response\.multivalueheader\.(.+)$/.exec(s))) v = headerValue(r.headers, sm[1]!);
    else if (s === 'integration.response.body') v = r.body.toString('utf8');
    else if ((sm = /^integration\.response\.body\.(.+)$/.exec(s))) {
      if (!parsedOk) {
        parsedOk = true;
        try {
          parsedBody = JSON.parse(r.body.toString('utf8'));
        } catch {
          parsedBody = undefined;
        }
      }
      const x = parsedBody === undefined ? undefined : jsonPath(parsedBody, '$.' + sm[1]);
      v = x === undefined ? undefined : typeof x === 'string' ? x : JSON.stringify(x);
    } else v = paramSource(req, s);
    if (v !== undefined) headers[m[1]!.toLowerCase()] = v;
  }
  let status = Number(chosen.statusCode);
  if (responseOverride.status !== undefined && responseOverride.status !== null && responseOverride.status !== '') {
    const n = Number(responseOverride.status);
    if (Number.isInteger(n) && n >= 100 && n <= 599) status = n;
  }
  for (const [k, v] of Object.entries(responseOverride.header)) if (v !== undefined && v !== null) headers[k.toLowerCase()] = String(v);
  return { status, headers, body };
}
