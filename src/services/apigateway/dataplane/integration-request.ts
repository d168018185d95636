import { GatewayError } from '../gateway-responses.js';
import type { IntegrationDoc } from '../types.js';
import { inputVariable, renderTemplate } from '../vtl.js';
import { headerValue, mediaMatches, requestContentType } from './http-util.js';
import { contextExtras, paramSource, requestContext } from './request-context.js';
import { configurationError, type MethodRequest } from './types.js';

/** The integration request of a non-proxy integration: parameter mapping and the request template. */

/** `${stageVariables.name}` references in an integration URI, replaced by their values ('' when unset). */
export function withStageVariables(text: string, stageVariables: Record<string, string>): string {
  return text.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, n: string) => stageVariables[n] ?? '');
}

/** Whether the request body is binary: its content type is one of the API's binaryMediaTypes. */
export function isBinaryRequest(req: MethodRequest): boolean {
  const ct = headerValue(req.headers, 'content-type');
  return !!ct && req.dep.snapshot.binaryMediaTypes.some((p) => mediaMatches(p, ct));
}

export interface MappedParameters {
  path: Record<string, string>;
  querystring: Record<string, string>;
  header: Record<string, string>;
}

/** The integration's requestParameters (integration.request.* from a mapping source), evaluated. */
export function mappedParameters(req: MethodRequest, i: IntegrationDoc): MappedParameters {
  const out: MappedParameters = { path: {}, querystring: {}, header: {} };
  for (const [target, source] of Object.entries(i.requestParameters ?? {})) {
    const m = /^integration\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.(.+)$/.exec(target);
    if (!m) continue;
    const v = paramSource(req, source);
    if (v === undefined) continue;
    const kind = m[1] === 'multivaluequerystring' ? 'querystring' : m[1] === 'multivalueheader' ? 'header' : (m[1] as keyof MappedParameters);
    out[kind][m[2]!] = v;
  }
  return out;
}

/** The HTTP integration's URL: stage variables, `{path}` parameters, and the query string (all of the client's for a proxy). */
export function integrationUrl(req: MethodRequest, i: IntegrationDoc, proxy: boolean): URL {
  const mapped = mappedParameters(req, i);
  const uri = withStageVariables(i.uri ?? '', req.stageVariables).replace(/\{([A-Za-z0-9._-]+)\+?\}/g, (_, name: string) => {
    const override = req.requestOverride?.path[name];
    const v = (override !== undefined && override !== null ? String(override) : undefined) ?? mapped.path[name] ?? (proxy ? req.pathParameters[name] : undefined) ?? '';
    return v.split('/').map(encodeURIComponent).join('/');
  });
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw configurationError(req.log);
  }
  if (proxy) for (const [k, vs] of Object.entries(req.multiQuery)) for (const v of vs) url.searchParams.append(k, v);
  for (const [k, v] of Object.entries(mapped.querystring)) url.searchParams.set(k, v);
  for (const [k, v] of Object.entries(req.requestOverride?.querystring ?? {})) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
  return url;
}

/** Chooses the request template and renders it, applying the passthrough behaviour. */
export function integrationRequestBody(req: MethodRequest, i: IntegrationDoc): Buffer {
  const templates = i.requestTemplates ?? {};
  const template = templates[requestContentType(req.headers)];
  const body = req.stageRequest.body;
  const binary = isBinaryRequest(req);
  if (template === undefined) {
    const behaviour = i.passthroughBehavior ?? 'WHEN_NO_MATCH';
    const any = Object.keys(templates).length > 0;
    if (behaviour === 'NEVER' || (behaviour === 'WHEN_NO_TEMPLATES' && any)) throw new GatewayError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type', 415);
    if (binary && i.contentHandling === 'CONVERT_TO_TEXT') return Buffer.from(body.toString('base64'));
    return body;
  }
  const text = binary ? body.toString('base64') : body.toString('utf8');
  const requestOverride = (req.requestOverride = { header: {}, querystring: {}, path: {} });
  return Buffer.from(renderMapping(req, template, text, { requestOverride }));
}

/** Renders a request or response mapping template over `body`; `extra` adds $context variables (the overrides). */
export function renderMapping(req: MethodRequest, template: string, body: string, extra: Record<string, unknown>): string {
  const context = { ...requestContext(req), ...contextExtras(req), ...extra };
  try {
    return renderTemplate(template, {
      input: inputVariable({ body, params: { path: req.pathParameters, querystring: req.query, header: req.headers } }),
      context,
      stageVariables: req.stageVariables,
    });
  } catch (e) {
    throw configurationError(req.log, `Unable to transform request: ${(e as Error).message}`);
  }
}
