/**
 * A small closed-loop HTTP load generator for the benches: N connections (keep-alive), each sending
 * its next request as soon as the previous answer arrived, for a fixed duration. Requests can be
 * SigV4-signed per request, as real SDK traffic is. Prints nothing itself; returns the figures.
 */
import http from 'node:http';
import { createHash, createHmac } from 'node:crypto';

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface LoadOptions {
  /** e.g. http://127.0.0.1:4566 */
  endpoint: string;
  connections: number;
  durationMs: number;
  /** Builds request number i (called once per request). */
  request: (i: number) => LoadRequest;
  /** Sign each request with SigV4 for this service (signing name) and region. */
  sign?: { service: string; region: string; accessKeyId: string; secretAccessKey: string };
  /** Status codes counted as success (default: 200). */
  ok?: (status: number) => boolean;
}

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50ms: number;
  p99ms: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const ok = options.ok ?? ((s: number) => s === 200);
  const deadline = performance.now() + options.durationMs;
  const started = performance.now();

  const one = (req: LoadRequest): Promise<number> =>
    new Promise((resolve, reject) => {
      const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
      const headers: Record<string, string> = { host: url.host, ...req.headers };
      if (body) headers['content-length'] = String(body.length);
      if (options.sign) Object.assign(headers, signHeaders(options.sign, req.method, req.path, headers, body ?? Buffer.alloc(0)));
      const r = http.request({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      r.on('error', reject);
      r.end(body);
    });

  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const i = n++;
      const t0 = performance.now();
      try {
        const status = await one(options.request(i));
        if (!ok(status)) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { requests: latencies.length, errors, rps: (latencies.length / elapsed) * 1000, p50ms: pct(0.5), p99ms: pct(0.99) };
}

const keyCache = new Map<string, Buffer>();

/** SigV4 headers (Authorization, X-Amz-Date, X-Amz-Content-Sha256) for a request. */
export function signHeaders(
  cred: { service: string; region: string; accessKeyId: string; secretAccessKey: string },
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
): Record<string, string> {
  const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const date = amzDate.slice(0, 8);
  const payloadHash = createHash('sha256').update(body).digest('hex');
  const all: Record<string, string> = { ...lower(headers), 'x-amz-date': amzDate, 'x-amz-content-sha256': payloadHash };
  const names = Object.keys(all).filter((h) => h !== 'content-length').sort();
  const [rawPath, rawQuery = ''] = path.split('?', 2) as [string, string?];
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .sort()
    .join('&');
  const canonical = [method, rawPath, query, names.map((h) => `${h}:${all[h]!.trim()}\n`).join(''), names.join(';'), payloadHash].join('\n');
  const scope = `${date}/${cred.region}/${cred.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const cacheKey = `${cred.secretAccessKey}/${scope}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    const h = (k: string | Buffer, d: string): Buffer => createHmac('sha256', k).update(d).digest();
    key = h(h(h(h(`AWS4${cred.secretAccessKey}`, date), cred.region), cred.service), 'aws4_request');
    keyCache.set(cacheKey, key);
  }
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    'x-amz-date': amzDate,
    'x-amz-content-sha256': payloadHash,
    authorization: `AWS4-HMAC-SHA256 Credential=${cred.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Formats a result row: name, req/s, p50, p99. */
export function row(name: string, r: LoadResult): string {
  return `${name.padEnd(44)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${r.p50ms.toFixed(2).padStart(6)} ms   p99 ${r.p99ms.toFixed(2).padStart(6)} ms${r.errors ? `   errors ${r.errors}` : ''}`;
}
