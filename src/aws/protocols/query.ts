import { AwsError } from '../errors.js';
import type { MemberRef, OperationModel } from '../model.js';
import type { ServiceIndex } from '../service-index.js';
import { readInput } from '../validate.js';
import type { HttpRequest, HttpResponse } from '../../core/http.js';
import type { RequestContext } from '../../core/context.js';
import type { Protocol, ResolvedOperation } from './protocol.js';
import { fromText } from './values.js';
import { escapeXml, xmlMembers } from './xml.js';
import { queryErrorCode, queryPathParameter, queryView, xmlNamespaceOf } from './wire.js';

/** awsQuery (STS, IAM, SNS; SQS before JSON): form-encoded parameters in, XML out. */
export class QueryProtocol implements Protocol {
  resolve(req: HttpRequest, service: ServiceIndex): ResolvedOperation {
    const svc = queryView(service);
    const params = queryParams(req);
    const action = params.get('Action');
    if (!action) throw new AwsError('MissingAction', 'Could not find operation to invoke: missing Action parameter', 400);
    const operation = svc.operations.get(action);
    if (!operation) throw new AwsError('InvalidAction', `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`, 400);
    return { operation, params };
  }

  /** Bodies of this protocol are whole documents. */
  streamsInput(): boolean {
    return false;
  }

  input(req: HttpRequest, service: ServiceIndex, resolved: ResolvedOperation, validationCode: string): any {
    const svc = queryView(service);
    const inputRef = resolved.operation.input;
    if (!inputRef) return {};
    const params = resolved.params ?? queryParams(req);
    const fromPath = queryPathParameter(svc, req.headers.host, req.rawPath);
    if (fromPath && !params.has(fromPath[0])) params.set(fromPath[0], fromPath[1]);
    const tree = paramTree(params);
    const typed = readNode(svc, { shape: inputRef.shape }, tree) ?? {};
    return readInput(svc, inputRef.shape, typed, false, validationCode);
  }

  output(service: ServiceIndex, operation: OperationModel, output: any, ctx: RequestContext): HttpResponse {
    const svc = queryView(service);
    const name = operation.name;
    const ns = xmlNamespaceOf(svc);
    const shape = operation.output?.shape;
    const wrapper = operation.output?.resultWrapper;
    const inner = shape && output ? xmlMembers(svc, shape, output) : '';
    const result = wrapper ? `<${wrapper}>${inner}</${wrapper}>` : inner;
    return {
      status: 200,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': ctx.requestId },
      body: `<${name}Response${ns ? ` xmlns="${ns}"` : ''}>${result}<ResponseMetadata><RequestId>${ctx.requestId}</RequestId></ResponseMetadata></${name}Response>`,
    };
  }

  error(service: ServiceIndex, err: AwsError, ctx: RequestContext): HttpResponse {
    const svc = queryView(service);
    const ns = xmlNamespaceOf(svc);
    const code = queryErrorCode(svc, err.code);
    return {
      status: err.status,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': ctx.requestId, ...err.headers },
      body:
        `<ErrorResponse${ns ? ` xmlns="${ns}"` : ''}><Error><Type>${err.senderFault ? 'Sender' : 'Receiver'}</Type>` +
        `<Code>${escapeXml(code)}</Code><Message>${escapeXml(err.message)}</Message></Error>` +
        `<RequestId>${ctx.requestId}</RequestId></ErrorResponse>`,
    };
  }
}

function queryParams(req: HttpRequest): URLSearchParams {
  const ct = req.headers['content-type'] ?? '';
  if (req.method === 'POST' && (ct.startsWith('application/x-www-form-urlencoded') || ct === '')) {
    return new URLSearchParams(req.body.toString('utf8'));
  }
  return new URLSearchParams(req.rawQuery);
}

type Node = { [key: string]: Node } & { __value?: string };

/** 'A.B.1.C=v' -> nested nodes, so the model can read them. */
function paramTree(params: URLSearchParams): Node {
  const root = {} as Node;
  for (const [key, value] of params) {
    let node = root;
    for (const part of key.split('.')) node = node[part] ??= {} as Node;
    node.__value = value;
  }
  return root;
}

function readNode(svc: ServiceIndex, ref: MemberRef, node: Node | undefined): unknown {
  if (!node) return undefined;
  const shape = svc.shape(ref.shape);
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        const v = readNode(svc, member, node[member.queryName ?? member.locationName ?? name]);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'list': {
      // An empty list is sent as 'Name=' with no members.
      const flattened = ref.flattened || shape.flattened;
      const items = flattened ? node : node[shape.member!.locationName ?? 'member'];
      if (!items) return node.__value !== undefined ? [] : undefined;
      return indexed(items).map((n) => readNode(svc, shape.member!, n));
    }
    case 'map': {
      const flattened = ref.flattened || shape.flattened;
      const entries = flattened ? node : node.entry;
      if (!entries) return undefined;
      const out: Record<string, unknown> = {};
      for (const e of indexed(entries)) {
        const k = e[shape.key!.locationName ?? 'key']?.__value;
        if (k !== undefined) out[k] = readNode(svc, shape.value!, e[shape.value!.locationName ?? 'value']);
      }
      return out;
    }
    default:
      return node.__value === undefined ? undefined : fromText(svc, shape, node.__value, 'iso8601', ref);
  }
}

/** Children named 1, 2, 3... in numeric order. */
function indexed(node: Node): Node[] {
  return Object.keys(node)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => node[k]!);
}
