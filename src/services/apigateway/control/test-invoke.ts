import type { RequestContext } from '../../../core/context.js';
import {
  NotFoundException,
  type APIGatewayApi,
  type TestInvokeAuthorizerRequest,
  type TestInvokeAuthorizerResponse,
  type TestInvokeMethodRequest,
  type TestInvokeMethodResponse,
} from '../../../generated/apigateway.js';
import type { DataPlane, Deployed } from '../dataplane/index.js';
import type { StageRequest } from '../dataplane/types.js';
import { scopeOf } from '../common.js';
import { ModelValidators } from '../models.js';
import { buildRoutes } from '../router.js';
import type { ApiDoc } from '../types.js';
import type { ControlCore } from './core.js';
import { methodOf, resourceOf } from './resources.js';
import { snapshotOf } from './shapes.js';

const STAGE = 'test-invoke-stage';

/** The test request's path, query and headers as the data plane takes them, from the console's fields. */
function testCall(method: string, input: TestInvokeMethodRequest | TestInvokeAuthorizerRequest, defaultPath: string): StageRequest {
  const pathWithQuery = input.pathWithQueryString ?? defaultPath;
  const q = pathWithQuery.indexOf('?');
  const rawHeaders: [string, string][] = [];
  for (const [k, v] of Object.entries(input.headers ?? {})) rawHeaders.push([k, v]);
  for (const [k, vs] of Object.entries(input.multiValueHeaders ?? {})) for (const v of vs) rawHeaders.push([k, v]);
  return {
    method,
    path: q >= 0 ? pathWithQuery.slice(0, q) : pathWithQuery,
    rawQuery: q >= 0 ? pathWithQuery.slice(q + 1) : '',
    rawHeaders,
    body: Buffer.from(input.body ?? '', 'utf8'),
    sourceIp: 'test-invoke-source-ip',
    domainName: 'testPrefix.testDomainName',
  };
}

/** TestInvokeMethod and TestInvokeAuthorizer: the API as it is now (not as deployed) through the data plane's pipeline. */
export class TestInvokeOps implements Pick<APIGatewayApi, 'TestInvokeMethod' | 'TestInvokeAuthorizer'> {
  constructor(
    private readonly core: ControlCore,
    private readonly data: DataPlane,
  ) {}

  async TestInvokeMethod(ctx: RequestContext, input: TestInvokeMethodRequest): Promise<TestInvokeMethodResponse> {
    const doc = await this.core.read(ctx, input.restApiId);
    const { path } = resourceOf(doc, input.resourceId);
    methodOf(doc, input.resourceId, input.httpMethod);
    const log = { lines: [] as string[] };
    const started = Date.now();
    const reply = await this.data.execute(this.testDeployment(ctx, doc, input.stageVariables), testCall(input.httpMethod === 'ANY' ? 'GET' : input.httpMethod, input, path), log);
    const headers: Record<string, string> = {};
    const multiValueHeaders: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(reply.headers)) {
      headers[k] = Array.isArray(v) ? v[v.length - 1]! : v;
      multiValueHeaders[k] = Array.isArray(v) ? v : [v];
    }
    return { status: reply.status, body: reply.body.toString('utf8'), headers, multiValueHeaders, latency: Date.now() - started, log: log.lines.join('\n') };
  }

  async TestInvokeAuthorizer(ctx: RequestContext, input: TestInvokeAuthorizerRequest): Promise<TestInvokeAuthorizerResponse> {
    const dep = this.testDeployment(ctx, await this.core.read(ctx, input.restApiId), input.stageVariables);
    if (!dep.snapshot.authorizers[input.authorizerId]) throw new NotFoundException('Invalid Authorizer identifier specified');
    return this.data.testAuthorizer(dep, input.authorizerId, testCall('GET', input, '/')) as Promise<TestInvokeAuthorizerResponse>;
  }

  /** A stage that serves the current API document, with the request's stage variables. */
  private testDeployment(ctx: RequestContext, doc: ApiDoc, variables: Record<string, string> | undefined): Deployed {
    const snapshot = snapshotOf(doc);
    const now = ctx.clock.now();
    return {
      scope: scopeOf(ctx),
      apiId: doc.api.id,
      stageName: STAGE,
      stage: {
        stageName: STAGE,
        deploymentId: 'test-invoke-deployment-id',
        cacheClusterEnabled: false,
        cacheClusterStatus: 'NOT_AVAILABLE',
        methodSettings: {},
        variables: variables ?? {},
        tracingEnabled: false,
        createdDate: now,
        lastUpdatedDate: now,
      },
      snapshot,
      root: buildRoutes(snapshot.resources),
      validators: new ModelValidators(doc.api.id, snapshot.models),
      loadedAt: now,
      testInvoke: true,
    };
  }
}
