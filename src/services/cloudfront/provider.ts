/**
 * Amazon CloudFront (restXml, global, signed for us-east-1): distributions with ETags and their
 * deployment status, invalidations, cache and origin request policies (managed and custom),
 * CloudFront Functions and tags; and the edge that serves distributions through an in-memory cache
 * with CloudFront Functions (node:vm) and Lambda@Edge (through Lambda). docs/services/cloudfront.md.
 */
import type { CloudFrontApi } from '../../generated/cloudfront.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { CloudFrontCore } from './core.js';
import { FunctionRuntime } from './edge/functions-runtime.js';
import { EdgePlane } from './edge/plane.js';
import { readKvs } from './kvs.js';
import { AccessControlOps } from './ops/access-controls.js';
import { DistributionOps } from './ops/distributions.js';
import { FunctionOps } from './ops/functions.js';
import { InvalidationOps } from './ops/invalidations.js';
import { KeyValueStoreOps } from './ops/key-value-stores.js';
import { PolicyOps } from './ops/policies.js';
import { PublicKeyOps } from './ops/public-keys.js';
import { TagOps } from './ops/tags.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  const core = await CloudFrontCore.open(platform);
  const opts = platform.config.services?.cloudfront ?? {};
  const timeoutMs = typeof opts.functionTimeoutMs === 'number' ? opts.functionTimeoutMs : 200;
  const cacheBytes = typeof opts.cacheBytes === 'number' ? opts.cacheBytes : 64 * 1024 * 1024;
  const runtime = new FunctionRuntime(timeoutMs, undefined, (account, id, op, key) => readKvs(core, account, id, op, key));
  const edge = new EdgePlane(core, runtime, cacheBytes);
  return defineProvider<CloudFrontApi>()(
    [new DistributionOps(core), new InvalidationOps(core), new PolicyOps(core), new FunctionOps(core, runtime), new TagOps(core), new AccessControlOps(core), new KeyValueStoreOps(core), new PublicKeyOps(core)],
    {
      dataPlanes: edge.routes(),
      close: () => runtime.close(),
      health: () => ({ cacheEntries: edge.cache.size, cacheBytes: edge.cache.usedBytes, hits: edge.cache.hits, misses: edge.cache.misses }),
    },
  );
}
