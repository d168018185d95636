import type {
  ApiKey,
  ApiKeySourceType,
  Deployment,
  EndpointConfiguration,
  Integration,
  Method,
  MethodSnapshot,
  Resource,
  RestApi,
  Stage,
} from '../../../generated/apigateway.js';
import { clone, date } from '../common.js';
import type { ApiDoc, ApiKeyDoc, DeploymentDoc, IntegrationDoc, MethodDoc, ResourceDoc, Snapshot, StageDoc } from '../types.js';

/**
 * Stored documents as the control plane answers them. Documents keep plain strings where the model
 * has enums (patch operations write any string; the checks reject the bad ones), hence the casts.
 */

export const tagsOut = (tags: Record<string, string> | undefined) => (tags && Object.keys(tags).length ? tags : undefined);

export function restApiOut(doc: ApiDoc): RestApi {
  const a = doc.api;
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    createdDate: date(a.createdDate),
    version: a.version,
    binaryMediaTypes: a.binaryMediaTypes?.length ? a.binaryMediaTypes : undefined,
    minimumCompressionSize: a.minimumCompressionSize,
    apiKeySource: a.apiKeySource as ApiKeySourceType,
    endpointConfiguration: a.endpointConfiguration as EndpointConfiguration,
    policy: a.policy,
    tags: tagsOut(a.tags),
    disableExecuteApiEndpoint: a.disableExecuteApiEndpoint,
    rootResourceId: a.rootResourceId,
    warnings: a.warnings,
  };
}

export function integrationOut(i: IntegrationDoc): Integration {
  const out = clone(i) as Integration;
  if (i.integrationResponses && Object.keys(i.integrationResponses).length === 0) delete out.integrationResponses;
  return out;
}

export function methodOut(m: MethodDoc): Method {
  const out = clone(m) as Method;
  if (m.methodIntegration) out.methodIntegration = integrationOut(m.methodIntegration);
  else delete out.methodIntegration;
  if (m.methodResponses && Object.keys(m.methodResponses).length === 0) delete out.methodResponses;
  return out;
}

export function resourceOut(r: ResourceDoc, embedMethods: boolean): Resource {
  const out: Resource = { id: r.id, parentId: r.parentId, pathPart: r.pathPart, path: r.path };
  const methods = r.resourceMethods ?? {};
  if (Object.keys(methods).length) {
    const rm: Record<string, Method> = {};
    for (const [k, m] of Object.entries(methods)) rm[k] = embedMethods ? methodOut(m) : {};
    out.resourceMethods = rm;
  }
  return out;
}

export function stageOut(s: StageDoc): Stage {
  return {
    ...(clone(s) as unknown as Stage),
    cacheClusterStatus: s.cacheClusterEnabled ? 'AVAILABLE' : 'NOT_AVAILABLE',
    createdDate: date(s.createdDate),
    lastUpdatedDate: date(s.lastUpdatedDate),
    tags: tagsOut(s.tags),
  };
}

export function keyOut(k: ApiKeyDoc, includeValue: boolean): ApiKey {
  return {
    id: k.id,
    value: includeValue ? k.value : undefined,
    name: k.name,
    customerId: k.customerId,
    description: k.description,
    enabled: k.enabled,
    createdDate: date(k.createdDate),
    lastUpdatedDate: date(k.lastUpdatedDate),
    stageKeys: k.stageKeys,
    tags: tagsOut(k.tags),
  };
}

export function deploymentOut(d: DeploymentDoc, summary: boolean): Deployment {
  const out: Deployment = { id: d.id, description: d.description, createdDate: date(d.createdDate) };
  if (summary) {
    const s: Record<string, Record<string, MethodSnapshot>> = {};
    for (const r of Object.values(d.snapshot.resources)) {
      for (const [verb, m] of Object.entries(r.resourceMethods ?? {})) (s[r.path] ??= {})[verb] = { authorizationType: m.authorizationType, apiKeyRequired: m.apiKeyRequired };
    }
    out.apiSummary = s;
  }
  return out;
}

/** Builds the frozen copy of an API that a deployment serves. */
export function snapshotOf(doc: ApiDoc): Snapshot {
  return clone({
    binaryMediaTypes: doc.api.binaryMediaTypes ?? [],
    apiKeySource: doc.api.apiKeySource,
    resources: doc.resources,
    models: doc.models,
    validators: doc.validators,
    authorizers: doc.authorizers,
    gatewayResponses: doc.gatewayResponses,
    disableExecuteApiEndpoint: doc.api.disableExecuteApiEndpoint,
    minimumCompressionSize: doc.api.minimumCompressionSize,
    policy: doc.api.policy,
  });
}
