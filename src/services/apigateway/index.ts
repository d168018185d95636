import type { RequestContext } from '../../core/context.js';
import type { Platform, ServiceDefinition, ServiceProvider } from '../service.js';
import { ControlPlane, scopeOf, snapshotOf } from './control.js';
import { DataPlane, type Deployed } from './dataplane/index.js';
import type { LambdaInvoke } from './dataplane/integrations/lambda.js';
import { ModelValidators } from './models.js';
import { OpenApi } from './openapi.js';
import { Domains } from './domains.js';
import { DocumentationOps } from './documentation.js';
import { Certificates } from './certificates.js';
import { VpcLinks } from './vpclinks.js';
import { buildRoutes } from './router.js';
import { Store } from './store.js';

/** Builds the API Gateway provider (control plane operations + the invoke-URL data plane). */
export async function createApiGateway(platform: Platform, options: { lambda?: LambdaInvoke } = {}): Promise<ServiceProvider> {
  const store = new Store(platform.db);
  await store.init();
  const data = new DataPlane(platform, store, options.lambda);
  const control = new ControlPlane(store, {
    invalidate: (apiId) => data.invalidate(apiId),
    flushCache: (apiId, stage) => data.flushCache(apiId, stage),
    flushAuthorizers: (apiId, stage) => data.flushAuthorizers(apiId, stage),
  });
  const openapi = new OpenApi(control, store);
  const domains = new Domains(store, () => data.invalidateDomains());

  const provider: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(ControlPlane.prototype)) {
    if (/^[A-Z]/.test(name)) provider[name] = (ctx: RequestContext, input: unknown) => (control as any)[name](ctx, input);
  }
  const documentation = new DocumentationOps(control);
  const certificates = new Certificates(store, () => data.forgetCertificates());
  const vpcLinks = new VpcLinks(store);
  for (const name of Object.getOwnPropertyNames(VpcLinks.prototype)) {
    if (/^[A-Z]/.test(name)) provider[name] = (ctx: RequestContext, input: unknown) => (vpcLinks as any)[name](ctx, input);
  }
  for (const name of Object.getOwnPropertyNames(Certificates.prototype)) {
    if (/^[A-Z]/.test(name)) provider[name] = (ctx: RequestContext, input: unknown) => (certificates as any)[name](ctx, input);
  }
  for (const name of Object.getOwnPropertyNames(DocumentationOps.prototype)) {
    if (/^[A-Z]/.test(name)) provider[name] = (ctx: RequestContext, input: unknown) => (documentation as any)[name](ctx, input);
  }
  for (const name of Object.getOwnPropertyNames(Domains.prototype)) {
    if (/^[A-Z]/.test(name)) provider[name] = (ctx: RequestContext, input: unknown) => (domains as any)[name](ctx, input);
  }
  for (const name of ['ImportRestApi', 'PutRestApi', 'GetExport'] as const) {
    provider[name] = (ctx: RequestContext, input: any) => (openapi as any)[name](ctx, input);
  }

  provider.TestInvokeMethod = async (ctx: RequestContext, input: any) => {
    const s = scopeOf(ctx);
    const doc = await control.loadApi(store.db, s, input.restApiId);
    const resource = doc.resources[input.resourceId];
    if (!resource) throw notFoundErr('Invalid Resource identifier specified');
    if (!resource.resourceMethods?.[input.httpMethod]) throw notFoundErr('Invalid Method identifier specified');
    const dep = await testDeployment(ctx, input.restApiId, input.stageVariables);
    const pathWithQuery: string = input.pathWithQueryString ?? resource.path;
    const q = pathWithQuery.indexOf('?');
    const rawHeaders = headerPairs(input.headers, input.multiValueHeaders);
    const log = { lines: [] as string[] };
    const started = Date.now();
    const reply = await data.execute(
      dep,
      {
        method: input.httpMethod === 'ANY' ? 'GET' : input.httpMethod,
        path: q >= 0 ? pathWithQuery.slice(0, q) : pathWithQuery,
        rawQuery: q >= 0 ? pathWithQuery.slice(q + 1) : '',
        rawHeaders,
        body: Buffer.from(input.body ?? '', 'utf8'),
        sourceIp: 'test-invoke-source-ip',
        domainName: 'testPrefix.testDomainName',
      },
      log,
    );
    const headers: Record<string, string> = {};
    const multiValueHeaders: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(reply.headers)) {
      headers[k] = Array.isArray(v) ? v[v.length - 1]! : v;
      multiValueHeaders[k] = Array.isArray(v) ? v : [v];
    }
    return { status: reply.status, body: reply.body.toString('utf8'), headers, multiValueHeaders, latency: Date.now() - started, log: log.lines.join('\n') };
  };

  provider.TestInvokeAuthorizer = async (ctx: RequestContext, input: any) => {
    const dep = await testDeployment(ctx, input.restApiId, input.stageVariables);
    if (!dep.snapshot.authorizers[input.authorizerId]) throw notFoundErr('Invalid Authorizer identifier specified');
    const pathWithQuery: string = input.pathWithQueryString ?? '/';
    const q = pathWithQuery.indexOf('?');
    return data.testAuthorizer(dep, input.authorizerId, {
      method: 'GET',
      path: q >= 0 ? pathWithQuery.slice(0, q) : pathWithQuery,
      rawQuery: q >= 0 ? pathWithQuery.slice(q + 1) : '',
      rawHeaders: headerPairs(input.headers, input.multiValueHeaders),
      body: Buffer.from(input.body ?? '', 'utf8'),
      sourceIp: 'test-invoke-source-ip',
      domainName: 'testPrefix.testDomainName',
    });
  };

  async function testDeployment(ctx: RequestContext, restApiId: string, variables: Record<string, string> | undefined): Promise<Deployed> {
    const s = scopeOf(ctx);
    const doc = await control.loadApi(store.db, s, restApiId);
    const snapshot = snapshotOf(doc);
    const now = ctx.clock.now();
    return {
      scope: s,
      apiId: doc.api.id,
      stageName: 'test-invoke-stage',
      stage: { stageName: 'test-invoke-stage', deploymentId: 'test-invoke-deployment-id', cacheClusterEnabled: false, cacheClusterStatus: 'NOT_AVAILABLE', methodSettings: {}, variables: variables ?? {}, tracingEnabled: false, createdDate: now, lastUpdatedDate: now },
      snapshot,
      root: buildRoutes(snapshot.resources),
      validators: new ModelValidators(doc.api.id, snapshot.models),
      loadedAt: now,
      testInvoke: true,
    };
  }

  provider.dataPlanes = data.routes();
  provider.health = () => ({ engine: 'rest-v1' });
  return provider as ServiceProvider;
}

function headerPairs(single: Record<string, string> | undefined, multi: Record<string, string[]> | undefined): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(single ?? {})) out.push([k, v]);
  for (const [k, vs] of Object.entries(multi ?? {})) for (const v of vs) out.push([k, v]);
  return out;
}

function notFoundErr(message: string) {
  return new AwsErrorCtor('NotFoundException', message, 404);
}

import { AwsError as AwsErrorCtor } from '../../aws/errors.js';

export const definition: ServiceDefinition = {
  name: 'apigateway',
  validationErrorCode: 'BadRequestException',
  create: (platform) => createApiGateway(platform),
};
