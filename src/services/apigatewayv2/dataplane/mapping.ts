import type { GatewayReply, HttpCall } from './events.js';
import { queryPairs } from './events.js';

/** A parameter mapping key of an HTTP API: `append|overwrite|remove:header.NAME`, `...:querystring.NAME`, `overwrite:path`, `overwrite:statuscode`. */
const KEY = /^(append|overwrite|remove):(header\.[A-Za-z0-9!#$%&'*+.^_`|~-]+|querystring\.[^\s]+|path|statuscode)$/;

export function isMappingKey(key: string, response: boolean): boolean {
  const m = KEY.exec(key);
  if (!m) return false;
  if (m[2] === 'path') return !response && m[1] === 'overwrite';
  if (m[2] === 'statuscode') return response && m[1] === 'overwrite';
  if (m[2]!.startsWith('querystring.')) return !response;
  return true;
}

function jsonPath(body: Buffer, path: string): unknown {
  let v: unknown;
  try {
    v = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  for (const p of path.split('.').filter((x) => x !== '')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/** A mapping value with its `$request.*`, `$context.*`, `$stageVariables.*` (and, for responses, `$response.*`) references filled in. */
function render(value: string, call: HttpCall, reply?: GatewayReply): string {
  return value.replace(/\$\{?(request|context|stageVariables|response)\.([A-Za-z0-9_.$-]+)\}?|\$request\.path\b/g, (whole, kind: string | undefined, path: string | undefined) => {
    if (!kind) return call.rawPath;
    if (kind === 'stageVariables') return call.stageVariables[path!] ?? '';
    if (kind === 'context') {
      const context: Record<string, string> = { requestId: call.requestId, apiId: call.apiId, stage: call.stage, routeKey: call.routeKey, httpMethod: call.method, 'identity.sourceIp': call.sourceIp, domainName: call.domainName };
      return context[path!] ?? '';
    }
    const [where, ...rest] = path!.split('.');
    const name = rest.join('.');
    if (kind === 'request') {
      if (where === 'header') return call.headerList.filter(([k]) => k === name.toLowerCase()).map(([, v]) => v).join(',');
      if (where === 'querystring') return queryPairs(call.rawQuery).filter(([k]) => k === name).map(([, v]) => v).join(',');
      if (where === 'path') return name ? (call.pathParameters[name] ?? '') : call.rawPath;
      if (where === 'body') {
        const v = jsonPath(call.body, name);
        return v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
      }
      return whole;
    }
    if (!reply) return whole;
    if (where === 'header') {
      const v = reply.headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(',') : (v ?? '');
    }
    if (where === 'body') {
      const v = jsonPath(reply.body, name);
      return v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    }
    return whole;
  });
}

/**
 * One parameter of an AWS service integration: a static value, or one selection expression
 * (`$request.header.x`, `$request.querystring.x`, `$request.path.x`, `$request.body` or a JSON path in
 * it, `$context.x`, `$stageVariables.x`). Undefined when the request holds no such value.
 */
export function renderSelection(value: string, call: HttpCall): string | undefined {
  if (!value.startsWith('$')) return value;
  if (value === '$request.body') return call.body.toString('utf8');
  const m = /^\$request\.(header|querystring|path)\.(.+)$/.exec(value);
  if (m) {
    const [, where, name] = m;
    if (where === 'header' && !call.headerList.some(([k]) => k === name!.toLowerCase())) return undefined;
    if (where === 'querystring' && !queryPairs(call.rawQuery).some(([k]) => k === name)) return undefined;
    if (where === 'path' && call.pathParameters[name!] === undefined) return undefined;
  }
  const body = /^\$request\.body\.(.+)$/.exec(value);
  if (body && jsonPath(call.body, body[1]!.replace(/^\$\.?/, '')) === undefined) return undefined;
  return render(value, call);
}

/** Applies an integration's request parameter mapping to what goes to an HTTP backend: headers, query string, path. */
export function mapRequest(
  params: Record<string, string> | undefined,
  call: HttpCall,
  out: { headers: [string, string][]; query: [string, string][]; path?: string },
): void {
  for (const [key, value] of Object.entries(params ?? {})) {
    const m = KEY.exec(key);
    if (!m) continue;
    const [op, target] = [m[1]!, m[2]!];
    const v = render(value, call);
    if (target === 'path') {
      out.path = v;
      continue;
    }
    const list = target.startsWith('header.') ? out.headers : out.query;
    const name = target.startsWith('header.') ? target.slice(7).toLowerCase() : target.slice(12);
    const matches = (k: string) => (target.startsWith('header.') ? k.toLowerCase() === name : k === name);
    if (op !== 'append') for (let i = list.length - 1; i >= 0; i--) if (matches(list[i]![0])) list.splice(i, 1);
    if (op !== 'remove') list.push([name, v]);
  }
}

/** Applies an integration's response parameter mapping for the reply's status (headers and status code). */
export function mapResponse(params: Record<string, Record<string, string>> | undefined, call: HttpCall, reply: GatewayReply): GatewayReply {
  const mapping = params?.[String(reply.status)];
  if (!mapping) return reply;
  const headers = { ...reply.headers };
  let status = reply.status;
  for (const [key, value] of Object.entries(mapping)) {
    const m = KEY.exec(key);
    if (!m) continue;
    const v = render(value, call, reply);
    if (m[2] === 'statuscode') {
      const n = Number(v);
      if (Number.isInteger(n) && n >= 100 && n <= 599) status = n;
      continue;
    }
    const name = m[2]!.slice(7).toLowerCase();
    if (m[1] === 'remove') delete headers[name];
    else if (m[1] === 'overwrite' || headers[name] === undefined) headers[name] = v;
    else headers[name] = [...[headers[name]!].flat(), v];
  }
  return { status, headers, body: reply.body };
}
