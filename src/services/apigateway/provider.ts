import type { APIGatewayApi } from '../../generated/apigateway.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { AccountAndTagOps } from './control/account-tags.js';
import { AuthorizerOps } from './control/authorizers.js';
import { CertificateOps } from './control/certificates.js';
import { ControlCore } from './control/core.js';
import { DeploymentOps } from './control/deployments.js';
import { DocumentationOps } from './control/documentation.js';
import { DomainOps } from './control/domains.js';
import { GatewayResponseOps } from './control/gateway-responses.js';
import { IntegrationOps } from './control/integrations.js';
import { KeysAndPlansOps } from './control/keys-and-plans.js';
import { ModelOps } from './control/models.js';
import { OpenApiOps } from './control/openapi.js';
import { ResourceOps } from './control/resources.js';
import { RestApiOps } from './control/rest-apis.js';
import { TestInvokeOps } from './control/test-invoke.js';
import { VpcLinkOps } from './control/vpclinks.js';
import { DataPlane } from './dataplane/index.js';
import type { LambdaInvoke } from './dataplane/integrations/lambda.js';
import { Store } from './store.js';

/** Builds the API Gateway provider: the REST v1 control plane families and the invoke-URL data plane. */
export async function createApiGateway(platform: Platform, options: { lambda?: LambdaInvoke } = {}): Promise<ServiceProvider> {
  const store = new Store(platform.db);
  await store.init();
  const data = new DataPlane(platform, store, options.lambda);
  await data.open();
  const core = new ControlCore(store, {
    invalidate: (apiId) => data.invalidate(apiId),
    flushCache: (apiId, stage) => data.flushCache(apiId, stage),
    flushAuthorizers: (apiId, stage) => data.flushAuthorizers(apiId, stage),
    forgetCertificates: () => data.forgetCertificates(),
    domainsChanged: () => data.domainsChanged(),
  });
  return defineProvider<APIGatewayApi>()(
    [
      new RestApiOps(core),
      new ResourceOps(core),
      new IntegrationOps(core),
      new DeploymentOps(core),
      new ModelOps(core),
      new AuthorizerOps(core),
      new GatewayResponseOps(core),
      new KeysAndPlansOps(core),
      new AccountAndTagOps(core),
      new DocumentationOps(core),
      new DomainOps(core),
      new CertificateOps(core),
      new VpcLinkOps(core),
      new OpenApiOps(core),
      new TestInvokeOps(core, data),
    ],
    { dataPlanes: data.routes(), close: () => data.close(), health: () => ({ engine: 'rest-v1' }) },
  );
}
