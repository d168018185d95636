import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  type ApiGatewayV2Api,
  type CreateDeploymentRequest,
  type CreateDeploymentResponse,
  type CreateStageRequest,
  type CreateStageResponse,
  type DeleteAccessLogSettingsRequest,
  type DeleteDeploymentRequest,
  type DeleteRouteSettingsRequest,
  type DeleteStageRequest,
  type GetDeploymentRequest,
  type GetDeploymentResponse,
  type GetDeploymentsRequest,
  type GetDeploymentsResponse,
  type GetStageRequest,
  type GetStageResponse,
  type GetStagesRequest,
  type GetStagesResponse,
  type UpdateDeploymentRequest,
  type UpdateDeploymentResponse,
  type UpdateStageRequest,
  type UpdateStageResponse,
} from '../../../generated/apigatewayv2.js';
import type { Tx } from '../../../storage/db.js';
import { pageItems, stageOut, type ControlCore } from '../core.js';
import type { Scope } from '../store.js';
import type { ApiDoc, DeploymentDoc, StageDoc } from '../types.js';
import { throwTagProblem } from './apis.js';

type Ops =
  | 'CreateStage'
  | 'GetStage'
  | 'GetStages'
  | 'UpdateStage'
  | 'DeleteStage'
  | 'DeleteAccessLogSettings'
  | 'DeleteRouteSettings'
  | 'CreateDeployment'
  | 'GetDeployment'
  | 'GetDeployments'
  | 'UpdateDeployment'
  | 'DeleteDeployment';

/** Stages (auto-deploy, stage variables, route settings) and deployments. */
export class StageOps implements Pick<ApiGatewayV2Api, Ops> {
  constructor(private readonly core: ControlCore) {}

  async CreateStage(ctx: RequestContext, input: CreateStageRequest): Promise<CreateStageResponse> {
    const scope = this.core.scope(ctx);
    const now = this.core.clock.now();
    const stage = await this.core.mutate(ctx, input.ApiId, async (doc, tx) => {
      if (doc.stages[input.StageName]) throw new ConflictException(`Stage ${input.StageName} already exists`);
      if (input.StageName === '$default' && doc.api.ProtocolType === 'WEBSOCKET') throw new BadRequestException('The $default stage is supported only for HTTP APIs.');
      if (input.StageName !== '$default' && !/^[A-Za-z0-9_-]+$/.test(input.StageName)) {
        throw new BadRequestException('Stage name only allows a-zA-Z0-9_- or $default');
      }
      const s: StageDoc = {
        StageName: input.StageName,
        CreatedDate: now,
        LastUpdatedDate: now,
        DefaultRouteSettings: { DetailedMetricsEnabled: false, ...(doc.api.ProtocolType === 'WEBSOCKET' ? { DataTraceEnabled: false, LoggingLevel: 'OFF' } : {}) },
        RouteSettings: {},
        StageVariables: {},
      };
      await setStage(this.core, tx, scope, doc, s, input);
      if (s.AutoDeploy) await deployStage(this.core, tx, scope, doc, s, now);
      doc.stages[s.StageName] = s;
      if (input.Tags) throwTagProblem(await this.core.tags.tag(tx, scope, this.stageArn(scope, input.ApiId, s.StageName), input.Tags));
      return s;
    });
    return { ...stageOut(stage), Tags: input.Tags ?? {} } as CreateStageResponse;
  }

  async GetStage(ctx: RequestContext, input: GetStageRequest): Promise<GetStageResponse> {
    const doc = await this.core.load(ctx, input.ApiId);
    return this.out(ctx, input.ApiId, stageOf(doc, input.StageName)) as Promise<GetStageResponse>;
  }

  async GetStages(ctx: RequestContext, input: GetStagesRequest): Promise<GetStagesResponse> {
    const doc = await this.core.load(ctx, input.ApiId);
    const page = pageItems(Object.values(doc.stages), input.MaxResults, input.NextToken);
    return { ...page, Items: await Promise.all(page.Items.map((s) => this.out(ctx, input.ApiId, s))) } as unknown as GetStagesResponse;
  }

  async UpdateStage(ctx: RequestContext, input: UpdateStageRequest): Promise<UpdateStageResponse> {
    const scope = this.core.scope(ctx);
    const now = this.core.clock.now();
    const stage = await this.core.mutate(ctx, input.ApiId, async (doc, tx) => {
      const s = stageOf(doc, input.StageName);
      const wasAuto = s.AutoDeploy;
      await setStage(this.core, tx, scope, doc, s, input);
      s.LastUpdatedDate = now;
      if (s.AutoDeploy && !wasAuto) await deployStage(this.core, tx, scope, doc, s, now);
      return s;
    });
    return this.out(ctx, input.ApiId, stage) as Promise<UpdateStageResponse>;
  }

  async DeleteStage(ctx: RequestContext, input: DeleteStageRequest): Promise<void> {
    const scope = this.core.scope(ctx);
    await this.core.mutate(ctx, input.ApiId, async (doc, tx) => {
      stageOf(doc, input.StageName);
      delete doc.stages[input.StageName];
      await this.core.tags.forget(tx, scope, this.stageArn(scope, input.ApiId, input.StageName));
    });
  }

  async DeleteAccessLogSettings(ctx: RequestContext, input: DeleteAccessLogSettingsRequest): Promise<void> {
    await this.core.mutate(ctx, input.ApiId, (doc) => {
      delete stageOf(doc, input.StageName).AccessLogSettings;
    });
  }

  async DeleteRouteSettings(ctx: RequestContext, input: DeleteRouteSettingsRequest): Promise<void> {
    await this.core.mutate(ctx, input.ApiId, (doc) => {
      const s = stageOf(doc, input.StageName);
      if (!s.RouteSettings?.[input.RouteKey]) throw new NotFoundException(`Invalid RouteSettings identifier specified ${input.RouteKey}`);
      delete s.RouteSettings[input.RouteKey];
    });
  }

  async CreateDeployment(ctx: RequestContext, input: CreateDeploymentRequest): Promise<CreateDeploymentResponse> {
    const scope = this.core.scope(ctx);
    const now = this.core.clock.now();
    const dep = await this.core.mutate(ctx, input.ApiId, async (doc, tx) => {
      const stage = input.StageName !== undefined ? doc.stages[input.StageName] : undefined;
      if (input.StageName !== undefined && !stage) throw new BadRequestException(`Invalid stage identifier specified`);
      if (Object.keys(doc.routes).length === 0) throw new BadRequestException('At least one route is required before deploying the Api.');
      const d = await this.core.deploy(tx, scope, doc, now, input.Description, false);
      if (stage) {
        stage.DeploymentId = d.DeploymentId;
        stage.LastUpdatedDate = now;
      }
      return d;
    });
    return deploymentOut(dep);
  }

  async GetDeployment(ctx: RequestContext, input: GetDeploymentRequest): Promise<GetDeploymentResponse> {
    return deploymentOut(await this.deployment(ctx, input.ApiId, input.DeploymentId));
  }

  async GetDeployments(ctx: RequestContext, input: GetDeploymentsRequest): Promise<GetDeploymentsResponse> {
    await this.core.load(ctx, input.ApiId);
    const all: DeploymentDoc[] = [];
    for await (const d of this.core.store.deployments.scan(this.core.store.db, this.core.scope(ctx), [input.ApiId])) all.push(d);
    return pageItems(all.map(deploymentOut), input.MaxResults, input.NextToken) as GetDeploymentsResponse;
  }

  async UpdateDeployment(ctx: RequestContext, input: UpdateDeploymentRequest): Promise<UpdateDeploymentResponse> {
    const scope = this.core.scope(ctx);
    const dep = await this.core.store.db.tx(async (tx) => {
      const d = await this.core.store.deployments.get(tx, scope, [input.ApiId, input.DeploymentId]);
      if (!d) return undefined;
      if (input.Description !== undefined) d.Description = input.Description;
      await this.core.store.deployments.put(tx, scope, [input.ApiId, input.DeploymentId], d);
      return d;
    });
    if (!dep) {
      await this.core.load(ctx, input.ApiId);
      throw deploymentNotFound(input.DeploymentId);
    }
    return deploymentOut(dep);
  }

  async DeleteDeployment(ctx: RequestContext, input: DeleteDeploymentRequest): Promise<void> {
    const scope = this.core.scope(ctx);
    await this.core.mutate(ctx, input.ApiId, async (doc, tx) => {
      if (Object.values(doc.stages).some((s) => s.DeploymentId === input.DeploymentId)) {
        throw new BadRequestException('Active stages pointing to this deployment must be moved or deleted');
      }
      if (!(await this.core.store.deployments.delete(tx, scope, [input.ApiId, input.DeploymentId]))) throw deploymentNotFound(input.DeploymentId);
    });
  }

  private stageArn(scope: Scope, apiId: string, stage: string): string {
    return `${this.core.apiArn(scope, apiId)}/stages/${stage}`;
  }

  private async out(ctx: RequestContext, apiId: string, s: StageDoc): Promise<Record<string, unknown>> {
    const scope = this.core.scope(ctx);
    return { ...stageOut(s), Tags: await this.core.tags.list(scope, this.stageArn(scope, apiId, s.StageName)) };
  }

  private async deployment(ctx: RequestContext, apiId: string, id: string): Promise<DeploymentDoc> {
    const d = await this.core.store.deployments.get(this.core.store.db, this.core.scope(ctx), [apiId, id]);
    if (d) return d;
    await this.core.load(ctx, apiId);
    throw deploymentNotFound(id);
  }
}

function stageOf(doc: ApiDoc, name: string): StageDoc {
  const s = doc.stages[name];
  if (!s) throw new NotFoundException('Invalid stage identifier specified', { ResourceType: 'Stage' });
  return s;
}

function deploymentNotFound(id: string): NotFoundException {
  return new NotFoundException(`Invalid Deployment identifier specified ${id}`, { ResourceType: 'Deployment' });
}

function deploymentOut(d: DeploymentDoc): CreateDeploymentResponse {
  const out: CreateDeploymentResponse = { AutoDeployed: d.AutoDeployed, CreatedDate: new Date(d.CreatedDate), DeploymentId: d.DeploymentId, DeploymentStatus: 'DEPLOYED' };
  if (d.Description !== undefined) out.Description = d.Description;
  return out;
}

async function deployStage(core: ControlCore, tx: Tx, scope: Scope, doc: ApiDoc, s: StageDoc, now: number): Promise<void> {
  if (Object.keys(doc.routes).length === 0) return;
  const d = await core.deploy(tx, scope, doc, now, 'Automatic deployment triggered by changes to the Api configuration', true);
  s.DeploymentId = d.DeploymentId;
  s.LastDeploymentStatusMessage = `Successfully deployed stage with deployment ID '${d.DeploymentId}'`;
}

type StageInput = Partial<Omit<CreateStageRequest, 'ApiId' | 'StageName' | 'Tags'>>;

async function setStage(core: ControlCore, tx: Tx, scope: Scope, doc: ApiDoc, s: StageDoc, input: StageInput): Promise<void> {
  if (input.DeploymentId !== undefined) {
    if (!(await core.store.deployments.get(tx, scope, [doc.api.ApiId, input.DeploymentId]))) throw new BadRequestException(`Deployment identifier specified is invalid: ${input.DeploymentId}`);
    s.DeploymentId = input.DeploymentId;
  }
  if (input.AutoDeploy !== undefined) {
    if (input.AutoDeploy && doc.api.ProtocolType === 'WEBSOCKET') {
      // WebSocket stages take AutoDeploy too.
    }
    s.AutoDeploy = input.AutoDeploy;
  }
  if (input.Description !== undefined) s.Description = input.Description;
  if (input.ClientCertificateId !== undefined) s.ClientCertificateId = input.ClientCertificateId;
  if (input.AccessLogSettings !== undefined) s.AccessLogSettings = input.AccessLogSettings;
  if (input.DefaultRouteSettings !== undefined) s.DefaultRouteSettings = { ...s.DefaultRouteSettings, ...input.DefaultRouteSettings };
  if (input.RouteSettings !== undefined) s.RouteSettings = { ...s.RouteSettings, ...(input.RouteSettings as Record<string, Record<string, unknown>>) };
  if (input.StageVariables !== undefined) {
    for (const [k, v] of Object.entries(input.StageVariables)) {
      if (!/^[A-Za-z0-9_]+$/.test(k)) throw new BadRequestException(`Stage variable name ${k} must match [A-Za-z0-9_]+`);
      if (!/^[A-Za-z0-9-._~:/?#&=,]*$/.test(v)) throw new BadRequestException(`Stage variable value ${v} contains characters that are not allowed`);
    }
    s.StageVariables = { ...input.StageVariables };
  }
}
