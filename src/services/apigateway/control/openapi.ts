import type * as Yaml from 'yaml';
import { lazyModule } from '../../../core/lazy.js';

const yamlLib = lazyModule<typeof Yaml>('yaml');
import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  type APIGatewayApi,
  type EndpointType,
  type ExportResponse,
  type GetExportRequest,
  type ImportRestApiRequest,
  type PutRestApiRequest,
  type RestApi,
} from '../../../generated/apigateway.js';
import { scopeOf } from '../common.js';
import { exportSpec, importInto, parseSpec } from '../openapi.js';
import type { ControlCore } from './core.js';
import { newApiDoc } from './rest-apis.js';
import { restApiOut } from './shapes.js';

const failOnWarnings = (warnings: string[]) => new BadRequestException(`Errors found during import:\n\t${warnings.join('\n\t')}`);

/** REST APIs from and to OpenAPI 3.x / Swagger 2.0 definitions. */
export class OpenApiOps implements Pick<APIGatewayApi, 'ImportRestApi' | 'PutRestApi' | 'GetExport'> {
  constructor(private readonly core: ControlCore) {}

  async ImportRestApi(ctx: RequestContext, input: ImportRestApiRequest): Promise<RestApi> {
    const spec = parseSpec(input.body);
    const endpointType = input.parameters?.endpointConfigurationTypes as EndpointType | undefined;
    const doc = newApiDoc(ctx, { name: spec.info?.title ?? 'imported', endpointConfiguration: endpointType ? { types: [endpointType] } : undefined });
    const warnings = importInto(doc, spec, 'overwrite');
    if (!doc.api.name) throw new BadRequestException('Invalid OpenAPI input: info.title is required');
    if (warnings.length && input.failOnWarnings) throw failOnWarnings(warnings);
    await this.core.db.tx((tx) => this.core.store.apis.put(tx, scopeOf(ctx), [doc.api.id], doc));
    // Warnings are part of the answer, not of the stored API.
    return { ...restApiOut(doc), warnings: warnings.length ? warnings : undefined };
  }

  async PutRestApi(ctx: RequestContext, input: PutRestApiRequest): Promise<RestApi> {
    const spec = parseSpec(input.body);
    const mode = input.mode ?? 'merge';
    if (mode !== 'merge' && mode !== 'overwrite') throw new BadRequestException('Invalid mode, must be one of: [merge, overwrite]');
    return this.core.mutate(ctx, input.restApiId, (doc) => {
      const warnings = importInto(doc, spec, mode);
      if (warnings.length && input.failOnWarnings) throw failOnWarnings(warnings);
      return { ...restApiOut(doc), warnings: warnings.length ? warnings : undefined };
    });
  }

  /** The deployment a stage serves, as OpenAPI 3.0 or Swagger 2.0 in JSON or YAML. */
  async GetExport(ctx: RequestContext, input: GetExportRequest): Promise<ExportResponse> {
    const s = scopeOf(ctx);
    const doc = await this.core.loadApi(this.core.db, s, input.restApiId);
    const stage = await this.core.stage(this.core.db, s, input.restApiId, input.stageName);
    const dep = await this.core.deployment(this.core.db, s, input.restApiId, stage.deploymentId);
    const type = input.exportType;
    if (type !== 'oas30' && type !== 'swagger') throw new BadRequestException(`Invalid export type specified: ${type}. Must be one of: [oas30, swagger]`);
    const ext = String(input.parameters?.extensions ?? '');
    const withIntegrations = ext.split(',').some((e) => e.trim() === 'integrations' || e.trim() === 'apigateway');
    const spec = exportSpec(doc.api, dep.snapshot, stage.stageName, s.region, type === 'oas30', withIntegrations);
    const yaml = /yaml/.test(input.accepts ?? '');
    const stamp = new Date(ctx.clock.now()).toISOString().replace(/[-:]/g, '').slice(0, 15);
    return {
      contentType: yaml ? 'application/yaml' : 'application/json',
      contentDisposition: `attachment; filename="${type}_${stamp}.${yaml ? 'yaml' : 'json'}"`,
      body: Buffer.from(yaml ? yamlLib().stringify(spec) : JSON.stringify(spec, null, 2)),
    };
  }
}
