/**
 * The console's client for Stratus's public AWS APIs: the same wire protocols an SDK speaks
 * (awsJson 1.0/1.1 with X-Amz-Target, restJson, restXml, query), each call signed with SigV4
 * (lib/sigv4.js). Errors come back as `AwsError` with AWS's code and message, whatever the protocol.
 *
 *   const aws = createAws({ region: 'us-east-1' });
 *   await aws.json('stepfunctions', 'ListStateMachines', {});
 *   await aws.rest('lambda', 'POST', path`/2015-03-31/functions/${name}/invocations`, { body: '{}' });
 *   await aws.query('sns', 'ListTopics', {});            // parsed XML as plain objects
 *   await aws.rest('s3', 'GET', path`/${bucket}`, { query: { 'list-type': '2' } });
 */
import { signRequest } from './sigv4.js';

/**
 * Stratus's services as the wire sees them (from their models' metadata): signing name, protocol,
 * and for awsJson the target prefix and version. test/console/aws-table.test.ts checks it against
 * models/aws/.
 */
export const SERVICES = {
  apigateway: { signingName: 'apigateway', protocol: 'rest-json' },
  apigatewayv2: { signingName: 'apigateway', protocol: 'rest-json' },
  cloudfront: { signingName: 'cloudfront', protocol: 'rest-xml' },
  'cloudfront-keyvaluestore': { signingName: 'cloudfront-keyvaluestore', protocol: 'rest-json' },
  'cognito-identity': { signingName: 'cognito-identity', protocol: 'json', jsonVersion: '1.1', targetPrefix: 'AWSCognitoIdentityService' },
  'cognito-idp': { signingName: 'cognito-idp', protocol: 'json', jsonVersion: '1.1', targetPrefix: 'AWSCognitoIdentityProviderService' },
  dynamodb: { signingName: 'dynamodb', protocol: 'json', jsonVersion: '1.0', targetPrefix: 'DynamoDB_20120810' },
  dynamodbstreams: { signingName: 'dynamodb', protocol: 'json', jsonVersion: '1.0', targetPrefix: 'DynamoDBStreams_20120810' },
  events: { signingName: 'events', protocol: 'json', jsonVersion: '1.1', targetPrefix: 'AWSEvents' },
  iam: { signingName: 'iam', protocol: 'query', apiVersion: '2010-05-08' },
  kinesis: { signingName: 'kinesis', protocol: 'json', jsonVersion: '1.1', targetPrefix: 'Kinesis_20131202' },
  lambda: { signingName: 'lambda', protocol: 'rest-json' },
  logs: { signingName: 'logs', protocol: 'json', jsonVersion: '1.1', targetPrefix: 'Logs_20140328' },
  s3: { signingName: 's3', protocol: 'rest-xml' },
  scheduler: { signingName: 'scheduler', protocol: 'rest-json' },
  sns: { signingName: 'sns', protocol: 'query', apiVersion: '2010-03-31' },
  sqs: { signingName: 'sqs', protocol: 'json', jsonVersion: '1.0', targetPrefix: 'AmazonSQS' },
  stepfunctions: { signingName: 'states', protocol: 'json', jsonVersion: '1.0', targetPrefix: 'AWSStepFunctions' },
  sts: { signingName: 'sts', protocol: 'query', apiVersion: '2011-06-15' },
};

/** An error answer from an AWS API: `code` and `message` as AWS sent them. */
export class AwsError extends Error {
  constructor(code, message, status, requestId) {
    super(message || code);
    this.name = 'AwsError';
    this.code = code;
    this.status = status;
    this.requestId = requestId;
  }
}

/** The codes with which services refuse a missing, unknown or wrongly signed key. */
export const AUTH_ERROR_CODES = new Set([
  'UnrecognizedClientException', 'InvalidSignatureException', 'IncompleteSignatureException', 'IncompleteSignature',
  'MissingAuthenticationTokenException', 'MissingAuthenticationToken', 'InvalidClientTokenId', 'SignatureDoesNotMatch',
  'InvalidAccessKeyId', 'AccessDenied', 'MissingAuthenticationToken', 'ExpiredTokenException', 'ExpiredToken',
]);

/**
 * A path with its interpolated parts percent-encoded as URI segments:
 * path`/2015-03-31/functions/${name}` (a `/` inside a value is encoded too).
 */
export function path(strings, ...values) {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}

const CREDENTIALS_KEY = 'stratus.console.credentials';
export const DEFAULT_CREDENTIALS = Object.freeze({ accessKeyId: 'test', secretAccessKey: 'test' });

/** The credentials the console signs with: what the user entered this session, else test/test. */
export function storedCredentials() {
  try {
    const c = JSON.parse(globalThis.sessionStorage?.getItem(CREDENTIALS_KEY) ?? 'null');
    if (c && typeof c.accessKeyId === 'string' && typeof c.secretAccessKey === 'string') return c;
  } catch {
    // Unreadable: the defaults.
  }
  return undefined;
}

export function storeCredentials(c) {
  if (c) globalThis.sessionStorage?.setItem(CREDENTIALS_KEY, JSON.stringify(c));
  else globalThis.sessionStorage?.removeItem(CREDENTIALS_KEY);
}

/**
 * A client. `endpoint` defaults to the page's origin, `credentials` to what storedCredentials()
 * holds (else test/test); `onAuthError(err)` is told of an authentication failure (the shell asks
 * for a key then).
 */
export function createAws({ endpoint = globalThis.location?.origin, region = 'us-east-1', credentials, onAuthError } = {}) {
  const client = {
    region,
    credentials: () => credentials ?? storedCredentials() ?? DEFAULT_CREDENTIALS,

    /** A signed request; answers the Response when its status is 2xx/3xx, else throws AwsError. */
    async send(service, { method = 'GET', path: p = '/', query = {}, headers = {}, body }) {
      const info = SERVICES[service];
      if (!info) throw new Error(`unknown service ${service}`);
      const url = new URL(p, endpoint);
      const pairs = [];
      for (const [k, v] of Object.entries(query)) {
        if (v === undefined || v === null) continue;
        for (const one of Array.isArray(v) ? v : [v]) pairs.push([k, String(one)]);
      }
      url.search = new URLSearchParams(pairs).toString().replace(/\+/g, '%20');
      const payload = body === undefined ? '' : body;
      const signed = await signRequest({
        method,
        host: url.host,
        path: url.pathname,
        query: pairs,
        headers,
        body: payload,
        service: info.signingName,
        region: client.region,
        credentials: client.credentials(),
      });
      const res = await fetch(url, { method, headers: { ...headers, ...signed }, body: method === 'GET' || method === 'HEAD' ? undefined : payload, cache: 'no-store' });
      if (res.status >= 400) {
        const err = await errorOf(res, info.protocol);
        if (AUTH_ERROR_CODES.has(err.code) && (res.status === 400 || res.status === 401 || res.status === 403)) onAuthError?.(err);
        throw err;
      }
      return res;
    },

    /** An awsJson operation: the parsed JSON output. */
    async json(service, operation, input = {}) {
      const info = SERVICES[service];
      if (info?.protocol !== 'json') throw new Error(`${service} does not speak awsJson`);
      const res = await client.send(service, {
        method: 'POST',
        path: '/',
        headers: { 'content-type': `application/x-amz-json-${info.jsonVersion}`, 'x-amz-target': `${info.targetPrefix}.${operation}` },
        body: JSON.stringify(input),
      });
      const text = await res.text();
      return text ? JSON.parse(text) : {};
    },

    /**
     * A restJson or restXml call: the parsed body (JSON object, plain object from XML, or text),
     * with `response` for its headers and status. `body` may be an object (sent as JSON) or text.
     */
    async rest(service, method, p, { query, headers = {}, body } = {}) {
      const json = body !== undefined && typeof body === 'object' && !(body instanceof Uint8Array);
      const res = await client.send(service, {
        method,
        path: p,
        query,
        headers: json ? { 'content-type': 'application/json', ...headers } : headers,
        body: json ? JSON.stringify(body) : body,
      });
      return { response: res, body: await parseBody(res) };
    },

    /** A query-protocol action (IAM, STS, SNS): the <ActionResult> element as a plain object. */
    async query(service, action, params = {}) {
      const info = SERVICES[service];
      const form = new URLSearchParams({ Action: action, Version: info.apiVersion, ...params }).toString().replace(/\+/g, '%20');
      const res = await client.send(service, { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: form });
      const doc = xmlToObject(await res.text());
      const root = doc[`${action}Response`] ?? doc;
      return root[`${action}Result`] ?? root;
    },
  };
  return client;
}

async function parseBody(res) {
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  if (!text) return undefined;
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text; // A function's result need not be JSON.
    }
  }
  if (type.includes('xml') || text.startsWith('<?xml')) return xmlToObject(text);
  return text;
}

/** AWS's code and message from an error answer of any protocol. */
async function errorOf(res, protocol) {
  const text = await res.text();
  const requestId = res.headers.get('x-amzn-requestid') ?? res.headers.get('x-amz-request-id') ?? undefined;
  let code = '';
  let message = '';
  if (protocol === 'json' || protocol === 'rest-json') {
    let body = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      message = text;
    }
    code = res.headers.get('x-amzn-errortype') ?? body.__type ?? body.code ?? body.Code ?? body.Type ?? '';
    message ||= body.message ?? body.Message ?? body.errorMessage ?? '';
  } else if (text.startsWith('<')) {
    const doc = xmlToObject(text);
    const err = doc.ErrorResponse?.Error ?? doc.Response?.Errors?.Error ?? doc.Error ?? {};
    code = err.Code ?? '';
    message = err.Message ?? '';
  } else {
    message = text;
  }
  // awsJson: "com.amazonaws.states#InvalidArn"; restJson header: "Code:http://internal.amazon.com/...".
  code = String(code).split('#').pop().split(':')[0] || `HTTP ${res.status}`;
  return new AwsError(code, String(message), res.status, requestId);
}

/**
 * XML as plain objects: an element with child elements becomes an object of them (a name that
 * repeats, or `member`/`item`/`entry`, becomes an array), one with text only becomes its text.
 */
export function xmlToObject(text) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const convert = (el) => {
    const kids = [...el.children];
    if (kids.length === 0) return el.textContent;
    const out = {};
    for (const k of kids) {
      const name = k.localName;
      const value = convert(k);
      const listy = name === 'member' || name === 'item' || name === 'entry';
      if (name in out) out[name] = [].concat(out[name], [value]);
      else out[name] = listy ? [value] : value;
    }
    return out;
  };
  return { [doc.documentElement.localName]: convert(doc.documentElement) };
}
