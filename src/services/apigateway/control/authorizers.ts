import type { RequestContext } from '../../../core/context.js';
import {
  ConflictException,
  type APIGatewayApi,
  type Authorizer,
  type Authorizers,
  type CreateAuthorizerRequest,
  type DeleteAuthorizerRequest,
  type GetAuthorizerRequest,
  type GetAuthorizersRequest,
  type UpdateAuthorizerRequest,
} from '../../../generated/apigateway.js';
import { clone, newId } from '../common.js';
import type { AuthorizerDoc } from '../types.js';
import { checkAuthorizer } from './checks.js';
import { ApiMembers, type ControlCore } from './core.js';

/** Lambda (TOKEN and REQUEST) authorizers of a REST API. */
export class AuthorizerOps implements Pick<APIGatewayApi, 'CreateAuthorizer' | 'GetAuthorizer' | 'GetAuthorizers' | 'UpdateAuthorizer' | 'DeleteAuthorizer'> {
  private readonly authorizers: ApiMembers<AuthorizerDoc, Authorizer, GetAuthorizerRequest>;

  constructor(core: ControlCore) {
    this.authorizers = new ApiMembers(core, {
      in: (doc) => doc.authorizers,
      id: (key) => key.authorizerId,
      idOf: (a) => a.id,
      missing: () => 'Invalid Authorizer identifier specified',
      fields: {
        name: 'string',
        type: 'string',
        authType: 'string',
        authorizerUri: 'string',
        authorizerCredentials: 'string',
        identitySource: 'string',
        identityValidationExpression: 'string',
        authorizerResultTtlInSeconds: 'int',
        providerARNs: 'strlist',
      },
      check: checkAuthorizer,
      out: (a) => clone(a) as Authorizer,
    });
  }

  CreateAuthorizer(ctx: RequestContext, input: CreateAuthorizerRequest): Promise<Authorizer> {
    return this.authorizers.put(ctx, input, () => {
      const a: AuthorizerDoc = {
        id: newId(6),
        name: input.name,
        type: input.type,
        providerARNs: input.providerARNs,
        authType: input.authType,
        authorizerUri: input.authorizerUri,
        authorizerCredentials: input.authorizerCredentials,
        identitySource: input.identitySource,
        identityValidationExpression: input.identityValidationExpression,
        authorizerResultTtlInSeconds: input.authorizerResultTtlInSeconds ?? 300,
      };
      checkAuthorizer(a);
      return a;
    });
  }

  GetAuthorizer(ctx: RequestContext, input: GetAuthorizerRequest): Promise<Authorizer> {
    return this.authorizers.get(ctx, input);
  }

  GetAuthorizers(ctx: RequestContext, input: GetAuthorizersRequest): Promise<Authorizers> {
    return this.authorizers.list(ctx, input);
  }

  UpdateAuthorizer(ctx: RequestContext, input: UpdateAuthorizerRequest): Promise<Authorizer> {
    return this.authorizers.update(ctx, input);
  }

  DeleteAuthorizer(ctx: RequestContext, input: DeleteAuthorizerRequest): Promise<void> {
    return this.authorizers.delete(ctx, input, (doc, a) => {
      for (const r of Object.values(doc.resources)) {
        for (const m of Object.values(r.resourceMethods ?? {})) {
          if (m.authorizerId === input.authorizerId) throw new ConflictException(`Cannot delete authorizer '${a.name}', is referenced in method: ${m.httpMethod}${r.path}`);
        }
      }
    });
  }
}
