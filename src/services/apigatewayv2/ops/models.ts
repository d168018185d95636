import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  type ApiGatewayV2Api,
  type CreateModelRequest,
  type CreateModelResponse,
  type DeleteModelRequest,
  type GetModelRequest,
  type GetModelResponse,
  type GetModelTemplateRequest,
  type GetModelTemplateResponse,
  type GetModelsRequest,
  type GetModelsResponse,
  type UpdateModelRequest,
  type UpdateModelResponse,
} from '../../../generated/apigatewayv2.js';
import { modelTemplate } from '../../apigateway/model-template.js';
import { newId, pageItems, type ControlCore } from '../core.js';
import type { ApiDoc, ModelDoc } from '../types.js';

type Ops = 'CreateModel' | 'GetModel' | 'GetModels' | 'GetModelTemplate' | 'UpdateModel' | 'DeleteModel';

/** Models (JSON schemas) of WebSocket APIs. */
export class ModelOps implements Pick<ApiGatewayV2Api, Ops> {
  constructor(private readonly core: ControlCore) {}

  async CreateModel(ctx: RequestContext, input: CreateModelRequest): Promise<CreateModelResponse> {
    return this.core.mutate(ctx, input.ApiId, (doc) => {
      if (doc.api.ProtocolType !== 'WEBSOCKET') throw new BadRequestException('Models are supported only for WebSocket APIs.');
      const m: ModelDoc = { ModelId: newId(), Name: input.Name };
      set(doc, m, input);
      doc.models[m.ModelId] = m;
      return m;
    });
  }

  async GetModel(ctx: RequestContext, input: GetModelRequest): Promise<GetModelResponse> {
    return modelOf(await this.core.load(ctx, input.ApiId), input.ModelId);
  }

  async GetModels(ctx: RequestContext, input: GetModelsRequest): Promise<GetModelsResponse> {
    const doc = await this.core.load(ctx, input.ApiId);
    return pageItems(Object.values(doc.models), input.MaxResults, input.NextToken);
  }

  /** The mapping template for the model, with `$ref`s to the API's other models (`https://apigateway.amazonaws.com/restapis/{apiId}/models/{name}`) followed. */
  async GetModelTemplate(ctx: RequestContext, input: GetModelTemplateRequest): Promise<GetModelTemplateResponse> {
    const doc = await this.core.load(ctx, input.ApiId);
    const m = modelOf(doc, input.ModelId);
    const byName = (name: string) => Object.values(doc.models).find((x) => x.Name === name)?.Schema;
    return { Value: modelTemplate(m.Schema, byName, () => new BadRequestException(`Invalid model specified: ${m.Name}`)) };
  }

  async UpdateModel(ctx: RequestContext, input: UpdateModelRequest): Promise<UpdateModelResponse> {
    return this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const m = modelOf(doc, input.ModelId);
        set(doc, m, input);
        return m;
      },
      { deploy: true },
    );
  }

  async DeleteModel(ctx: RequestContext, input: DeleteModelRequest): Promise<void> {
    await this.core.mutate(ctx, input.ApiId, (doc) => {
      const m = modelOf(doc, input.ModelId);
      const used = Object.values(doc.routes).some((r) => Object.values(r.RequestModels ?? {}).includes(m.Name));
      if (used) throw new ConflictException(`Cannot delete model ${m.Name}: it is referenced by a route`);
      delete doc.models[m.ModelId];
    });
  }
}

function modelOf(doc: ApiDoc, id: string): ModelDoc {
  const m = doc.models[id];
  if (!m) throw new NotFoundException(`Invalid Model identifier specified ${id}`, { ResourceType: 'Model' });
  return m;
}

function set(doc: ApiDoc, m: ModelDoc, input: Partial<ModelDoc>): void {
  if (input.Name !== undefined) {
    if (!/^[A-Za-z0-9]+$/.test(input.Name)) throw new BadRequestException('Model name must be alphanumeric');
    if (Object.values(doc.models).some((x) => x.Name === input.Name && x.ModelId !== m.ModelId)) throw new ConflictException(`Model name already exists for this API: ${input.Name}`);
    m.Name = input.Name;
  }
  if (input.Schema !== undefined) {
    try {
      const parsed: unknown = JSON.parse(input.Schema);
      if (!parsed || typeof parsed !== 'object') throw new Error('not an object');
    } catch {
      throw new BadRequestException('Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]');
    }
    m.Schema = input.Schema;
  }
  if (input.ContentType !== undefined) m.ContentType = input.ContentType;
  if (input.Description !== undefined) m.Description = input.Description;
}
