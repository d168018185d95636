import { AwsJsonProtocol } from './json.js';
import type { Protocol } from './protocol.js';
import { QueryProtocol } from './query.js';
import { RestJsonProtocol } from './rest-json.js';
import { RestXmlProtocol } from './rest-xml.js';

const protocols: Record<string, Protocol> = {
  json10: new AwsJsonProtocol('1.0'),
  json11: new AwsJsonProtocol('1.1'),
  'rest-json': new RestJsonProtocol(),
  'rest-xml': new RestXmlProtocol(),
  query: new QueryProtocol(),
};

/** The protocol for a model's metadata (botocore names: json, rest-json, rest-xml, query). */
export function protocolFor(protocol: string, jsonVersion?: string): Protocol {
  if (protocol === 'json') return jsonVersion === '1.0' ? protocols.json10! : protocols.json11!;
  const p = protocols[protocol];
  if (!p) throw new Error(`unsupported protocol ${protocol}`);
  return p;
}

/** The query protocol, for services that also accept it beside JSON (awsQueryCompatible, e.g. SQS). */
export const queryProtocol = protocols.query!;
