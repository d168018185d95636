import { stringify as toYaml } from 'yaml';
import type { RequestContext } from '../../../core/context.js';
import { randomId } from '../../../core/ids.js';
import {
  BadRequestException,
  NotFoundException,
  type ApiGatewayV2Api,
  type ExportApiRequest,
  type ExportApiResponse,
  type ImportApiRequest,
  type ImportApiResponse,
  type ReimportApiRequest,
  type ReimportApiResponse,
} from '../../../generated/apigatewayv2.js';
import { apiOut, type ControlCore } from '../core.js';
import { exportOpenApi, importOpenApi } from '../openapi.js';
import { HTTP_ROUTE_SELECTION } from '../route-keys.js';
import type { ApiDoc } from '../types.js';

type Ops = 'ExportApi' | 'ImportApi' | 'ReimportApi';

/** OpenAPI 3.0 export and import of HTTP APIs. */
export class OpenApiOps implements Pick<ApiGatewayV2Api, Ops> {
  constructor(private readonly core: ControlCore) {}

  async ExportApi(ctx: RequestContext, input: ExportApiRequest): Promise<ExportApiResponse> {
    if (input.Specification !== 'OAS30') throw new BadRequestException(`Unsupported specification ${input.Specification}. Supported: OAS30`);
    if (input.OutputType !== 'JSON' && input.OutputType !== 'YAML') throw new BadRequestException(`Unsupported output type ${input.OutputType}. Supported: JSON, YAML`);
    const scope = this.core.scope(ctx);
    let doc = await this.core.load(ctx, input.ApiId);
    if (doc.api.ProtocolType !== 'HTTP') throw new BadRequestException('Export is supported only for HTTP APIs.');
    const stage = input.StageName !== undefined ? doc.stages[input.StageName] : undefined;
    if (input.StageName !== undefined) {
      if (!stage) throw new NotFoundException('Invalid stage identifier specified', { ResourceType: 'Stage' });
      const dep = stage.DeploymentId ? await this.core.store.deployments.get(this.core.store.db, scope, [input.ApiId, stage.DeploymentId]) : undefined;
      if (!dep) throw new BadRequestException(`The stage ${input.StageName} has no deployment to export.`);
      const s = dep.snapshot;
      doc = { ...doc, api: s.api, routes: Object.fromEntries(s.routes.map((r) => [r.RouteId, r])), integrations: s.integrations, authorizers: s.authorizers };
    }
    const spec = exportOpenApi(doc, scope, stage, input.IncludeExtensions !== false);
    const text = input.OutputType === 'YAML' ? toYaml(spec) : JSON.stringify(spec, null, 2);
    return { body: Buffer.from(text, 'utf8') };
  }

  async ImportApi(ctx: RequestContext, input: ImportApiRequest): Promise<ImportApiResponse> {
    const scope = this.core.scope(ctx);
    const imported = importOpenApi(input.Body, input.FailOnWarnings === true);
    const now = this.core.clock.now();
    const doc: ApiDoc = {
      api: {
        ApiId: randomId(10),
        Name: imported.name,
        ProtocolType: 'HTTP',
        RouteSelectionExpression: HTTP_ROUTE_SELECTION,
        ApiKeySelectionExpression: '$request.header.x-api-key',
        CreatedDate: now,
        DisableExecuteApiEndpoint: false,
        IpAddressType: 'ipv4',
        ...(imported.version ? { Version: String(imported.version) } : {}),
        ...(imported.description ? { Description: String(imported.description) } : {}),
        ...(imported.cors ? { CorsConfiguration: imported.cors } : {}),
      },
      routes: imported.routes,
      integrations: imported.integrations,
      authorizers: imported.authorizers,
      stages: {},
      routeResponses: {},
      integrationResponses: {},
      models: {},
    };
    await this.core.store.db.tx((tx) => this.core.store.apis.put(tx, scope, [doc.api.ApiId], doc));
    this.core.notifyChanged(doc.api.ApiId, scope, true);
    return { ...apiOut(doc.api, scope), Tags: {}, ...(imported.warnings.length ? { Warnings: imported.warnings } : {}) } as ImportApiResponse;
  }

  async ReimportApi(ctx: RequestContext, input: ReimportApiRequest): Promise<ReimportApiResponse> {
    const imported = importOpenApi(input.Body, input.FailOnWarnings === true);
    const api = await this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        if (doc.api.ProtocolType !== 'HTTP') throw new BadRequestException('Import is supported only for HTTP APIs.');
        doc.api.Name = imported.name;
        if (imported.version) doc.api.Version = String(imported.version);
        if (imported.description) doc.api.Description = String(imported.description);
        if (imported.cors) doc.api.CorsConfiguration = imported.cors;
        else delete doc.api.CorsConfiguration;
        doc.routes = imported.routes;
        doc.integrations = imported.integrations;
        doc.authorizers = imported.authorizers;
        doc.routeResponses = {};
        doc.integrationResponses = {};
        return doc.api;
      },
      { deploy: true },
    );
    return { ...apiOut(api, this.core.scope(ctx)), ...(imported.warnings.length ? { Warnings: imported.warnings } : {}) } as ReimportApiResponse;
  }
}
