import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  ConflictException,
  type APIGatewayApi,
  type CreateModelRequest,
  type CreateRequestValidatorRequest,
  type DeleteModelRequest,
  type DeleteRequestValidatorRequest,
  type GetModelRequest,
  type GetModelTemplateRequest,
  type GetModelsRequest,
  type GetRequestValidatorRequest,
  type GetRequestValidatorsRequest,
  type Model,
  type Models,
  type RequestValidator,
  type RequestValidators,
  type Template,
  type UpdateModelRequest,
  type UpdateRequestValidatorRequest,
} from '../../../generated/apigateway.js';
import { clone, newId } from '../common.js';
import type { ApiDoc, ModelDoc, ValidatorDoc } from '../types.js';
import { modelTemplate } from '../model-template.js';
import { MODEL_NAME, checkSchema } from './checks.js';
import { ApiMembers, type ControlCore } from './core.js';

/** Models (JSON schemas of bodies) and request validators. */
export class ModelOps
  implements
    Pick<
      APIGatewayApi,
      | 'CreateModel'
      | 'GetModel'
      | 'GetModels'
      | 'GetModelTemplate'
      | 'UpdateModel'
      | 'DeleteModel'
      | 'CreateRequestValidator'
      | 'GetRequestValidator'
      | 'GetRequestValidators'
      | 'UpdateRequestValidator'
      | 'DeleteRequestValidator'
    >
{
  private readonly models: ApiMembers<ModelDoc, Model, GetModelRequest>;
  private readonly validators: ApiMembers<ValidatorDoc, RequestValidator, GetRequestValidatorRequest>;

  constructor(private readonly core: ControlCore) {
    this.models = new ApiMembers(core, {
      in: (doc) => doc.models,
      id: (key) => key.modelName,
      idOf: (m) => m.name,
      missing: (key) => `Invalid model name specified: ${key.modelName}`,
      fields: { schema: 'string', description: 'string' },
      check: (m) => checkSchema(m.schema),
      out: clone,
    });
    this.validators = new ApiMembers(core, {
      in: (doc) => doc.validators,
      id: (key) => key.requestValidatorId,
      idOf: (v) => v.id,
      missing: () => 'Invalid Request Validator identifier specified',
      fields: { name: 'string', validateRequestBody: 'bool', validateRequestParameters: 'bool' },
      out: clone,
    });
  }

  // ---- models

  CreateModel(ctx: RequestContext, input: CreateModelRequest): Promise<Model> {
    return this.models.put(ctx, input, (doc) => {
      if (!MODEL_NAME.test(input.name)) throw new BadRequestException('Model name must be alphanumeric: ' + input.name);
      if (doc.models[input.name]) throw new ConflictException('Model name already exists for this REST API');
      checkSchema(input.schema);
      return { id: newId(6), name: input.name, description: input.description, schema: input.schema, contentType: input.contentType };
    });
  }

  GetModel(ctx: RequestContext, input: GetModelRequest): Promise<Model> {
    return this.models.get(ctx, input);
  }

  GetModels(ctx: RequestContext, input: GetModelsRequest): Promise<Models> {
    return this.models.list(ctx, input, { sort: (a, b) => a.name.localeCompare(b.name) });
  }

  async GetModelTemplate(ctx: RequestContext, input: GetModelTemplateRequest): Promise<Template> {
    const doc = await this.core.read(ctx, input.restApiId);
    const m = this.models.find(doc, input);
    return { value: modelTemplate(m.schema, (name) => doc.models[name]?.schema, () => new BadRequestException(`Invalid model specified: ${m.name}`)) };
  }

  UpdateModel(ctx: RequestContext, input: UpdateModelRequest): Promise<Model> {
    return this.models.update(ctx, input);
  }

  DeleteModel(ctx: RequestContext, input: DeleteModelRequest): Promise<void> {
    return this.models.delete(ctx, input, (doc) => {
      for (const r of Object.values(doc.resources)) {
        for (const m of Object.values(r.resourceMethods ?? {})) {
          if (Object.values(m.requestModels ?? {}).includes(input.modelName)) throw new ConflictException(`Cannot delete model '${input.modelName}', is referenced in method request: ${r.path}/${m.httpMethod}`);
        }
      }
    });
  }

  // ---- request validators

  CreateRequestValidator(ctx: RequestContext, input: CreateRequestValidatorRequest): Promise<RequestValidator> {
    return this.validators.put(ctx, input, () => ({
      id: newId(6),
      name: input.name,
      validateRequestBody: input.validateRequestBody ?? false,
      validateRequestParameters: input.validateRequestParameters ?? false,
    }));
  }

  GetRequestValidator(ctx: RequestContext, input: GetRequestValidatorRequest): Promise<RequestValidator> {
    return this.validators.get(ctx, input);
  }

  GetRequestValidators(ctx: RequestContext, input: GetRequestValidatorsRequest): Promise<RequestValidators> {
    return this.validators.list(ctx, input);
  }

  UpdateRequestValidator(ctx: RequestContext, input: UpdateRequestValidatorRequest): Promise<RequestValidator> {
    return this.validators.update(ctx, input);
  }

  DeleteRequestValidator(ctx: RequestContext, input: DeleteRequestValidatorRequest): Promise<void> {
    return this.validators.delete(ctx, input, (doc) => {
      for (const r of Object.values(doc.resources)) {
        for (const m of Object.values(r.resourceMethods ?? {})) if (m.requestValidatorId === input.requestValidatorId) delete m.requestValidatorId;
      }
    });
  }
}
