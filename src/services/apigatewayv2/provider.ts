import type { ApiGatewayV2Api } from '../../generated/apigatewayv2.js';
import { TagStore } from '../../storage/tags.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { ControlCore } from './core.js';
import { DataPlaneV2 } from './dataplane/index.js';
import { ApiOps } from './ops/apis.js';
import { DomainOps } from './ops/domains.js';
import { AuthorizerOps } from './ops/authorizers.js';
import { IntegrationOps } from './ops/integrations.js';
import { ModelOps } from './ops/models.js';
import { OpenApiOps } from './ops/openapi.js';
import { RouteOps } from './ops/routes.js';
import { StageOps } from './ops/stages.js';
import { VpcLinkOps } from './ops/vpclinks.js';
import { Store } from './store.js';

/** API Gateway v2: HTTP and WebSocket APIs (control plane), their invoke URLs and the @connections API. */
export async function createApiGatewayV2(platform: Platform): Promise<ServiceProvider> {
  const store = new Store(platform.db);
  await store.init();
  const tags = await TagStore.open(platform.db);
  const data = new DataPlaneV2(platform, store);
  await data.open();
  const core = new ControlCore(store, tags, platform.clock, { changed: (apiId, scope, exists) => data.changed(apiId, scope, exists) });
  return defineProvider<ApiGatewayV2Api>()(
    [new ApiOps(core), new RouteOps(core), new IntegrationOps(core), new AuthorizerOps(core), new StageOps(core), new ModelOps(core), new OpenApiOps(core), new VpcLinkOps(core), new DomainOps(core, () => data.domainsChanged())],
    { dataPlanes: data.routes(), close: () => data.close(), health: () => ({ engine: 'http-and-websocket' }) },
  );
}
