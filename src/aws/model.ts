import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The botocore service model format (models/aws/<service>/<version>/service-2.json). */
export interface ServiceModel {
  metadata: {
    apiVersion: string;
    protocol: string;
    protocols?: string[];
    jsonVersion?: string;
    targetPrefix?: string;
    signingName?: string;
    endpointPrefix: string;
    serviceId: string;
    xmlNamespace?: string;
    awsQueryCompatible?: Record<string, unknown>;
  };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}

export interface OperationModel {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string; locationName?: string; xmlNamespace?: { uri: string } };
  output?: { shape: string; resultWrapper?: string };
  errors?: { shape: string }[];
  authtype?: string;
  endpoint?: { hostPrefix: string };
  httpChecksum?: Record<string, unknown>;
  deprecated?: boolean;
}

export interface MemberRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  jsonvalue?: boolean;
  xmlAttribute?: boolean;
  xmlNamespace?: { uri: string; prefix?: string };
  flattened?: boolean;
  idempotencyToken?: boolean;
  timestampFormat?: 'iso8601' | 'rfc822' | 'unixTimestamp';
  queryName?: string;
  hostLabel?: boolean;
  eventpayload?: boolean;
  /** A payload blob sent as a stream (S3 Body); older models mark the shape instead. */
  streaming?: boolean;
}

export type ShapeType =
  | 'structure'
  | 'list'
  | 'map'
  | 'string'
  | 'integer'
  | 'long'
  | 'float'
  | 'double'
  | 'boolean'
  | 'timestamp'
  | 'blob'
  | 'bigdecimal'
  | 'biginteger';

export interface Shape {
  type: ShapeType;
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  flattened?: boolean;
  payload?: string;
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  timestampFormat?: 'iso8601' | 'rfc822' | 'unixTimestamp';
  locationName?: string;
  xmlNamespace?: { uri: string; prefix?: string };
  streaming?: boolean;
  sensitive?: boolean;
  union?: boolean;
  document?: boolean;
  event?: boolean;
  eventstream?: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
/** models/aws at the repository root, whether running from src (tests) or dist/src. */
export const MODELS_DIR = [join(here, '../../models/aws'), join(here, '../../../models/aws')].find((p) => {
  try {
    readFileSync(join(p, 'NOTICE'));
    return true;
  } catch {
    return false;
  }
}) ?? join(here, '../../../models/aws');

const cache = new Map<string, ServiceModel>();

/** Loads models/aws/<name>/service-2.json (one version per service is kept in the repo). */
export function loadModel(name: string): ServiceModel {
  let model = cache.get(name);
  if (!model) {
    model = JSON.parse(readFileSync(join(MODELS_DIR, name, 'service-2.json'), 'utf8')) as ServiceModel;
    cache.set(name, model);
  }
  return model;
}

const metadataCache = new Map<string, ServiceModel['metadata']>();

/**
 * A model's metadata (protocol, signing name, target prefix...) without reading the rest of it:
 * what the server routes by before a service's model is needed. Botocore writes `metadata` first,
 * so the head of the file is enough; the whole model is read when it is not there.
 */
export function loadMetadata(name: string): ServiceModel['metadata'] {
  const known = cache.get(name)?.metadata ?? metadataCache.get(name);
  if (known) return known;
  const head = readHead(join(MODELS_DIR, name, 'service-2.json'), 16 * 1024);
  const found = metadataObject(head);
  const metadata = found ? (JSON.parse(found) as ServiceModel['metadata']) : loadModel(name).metadata;
  metadataCache.set(name, metadata);
  return metadata;
}

function readHead(file: string, bytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The text of the top-level `"metadata": {...}` object of a model, if it is whole in `text` (the head of the file). */
function metadataObject(text: string): string | undefined {
  let depth = 0;
  let stringStart = -1;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (stringStart >= 0) {
      if (c === '\\') i++;
      else if (c === '"') {
        // A key of the top-level object: is it "metadata", with an object for its value?
        if (depth === 1 && text.slice(stringStart, i + 1) === '"metadata"') {
          const value = /^\s*:\s*\{/.exec(text.slice(i + 1, i + 64));
          if (value) start = i + value[0].length;
        }
        stringStart = -1;
      }
    } else if (c === '"') stringStart = i;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 1 && start >= 0 && i > start) return text.slice(start, i + 1);
  }
  return undefined;
}
