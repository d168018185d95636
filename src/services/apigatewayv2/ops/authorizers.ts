import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  type ApiGatewayV2Api,
  type CreateAuthorizerRequest,
  type CreateAuthorizerResponse,
  type DeleteAuthorizerRequest,
  type GetAuthorizerRequest,
  type GetAuthorizerResponse,
  type GetAuthorizersRequest,
  type GetAuthorizersResponse,
  type ResetAuthorizersCacheRequest,
  type UpdateAuthorizerRequest,
  type UpdateAuthorizerResponse,
} from '../../../generated/apigatewayv2.js';
import { newId, pageItems, type ControlCore } from '../core.js';
import type { ApiDoc, AuthorizerDoc } from '../types.js';

type Ops = 'CreateAuthorizer' | 'GetAuthorizer' | 'GetAuthorizers' | 'UpdateAuthorizer' | 'DeleteAuthorizer' | 'ResetAuthorizersCache';

/** JWT and REQUEST (Lambda) authorizers. */
export class AuthorizerOps implements Pick<ApiGatewayV2Api, Ops> {
  constructor(private readonly core: ControlCore) {}

  async CreateAuthorizer(ctx: RequestContext, input: CreateAuthorizerRequest): Promise<CreateAuthorizerResponse> {
    return this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const a: AuthorizerDoc = { AuthorizerId: newId(), AuthorizerType: input.AuthorizerType as AuthorizerDoc['AuthorizerType'], Name: input.Name };
        const { ApiId: _a, ...fields } = input;
        void _a;
        Object.assign(a, fields);
        check(doc, a);
        doc.authorizers[a.AuthorizerId] = a;
        return a as CreateAuthorizerResponse;
      },
      { deploy: true },
    );
  }

  async GetAuthorizer(ctx: RequestContext, input: GetAuthorizerRequest): Promise<GetAuthorizerResponse> {
    return authorizerOf(await this.core.load(ctx, input.ApiId), input.AuthorizerId) as GetAuthorizerResponse;
  }

  async GetAuthorizers(ctx: RequestContext, input: GetAuthorizersRequest): Promise<GetAuthorizersResponse> {
    const doc = await this.core.load(ctx, input.ApiId);
    return pageItems(Object.values(doc.authorizers), input.MaxResults, input.NextToken) as GetAuthorizersResponse;
  }

  async UpdateAuthorizer(ctx: RequestContext, input: UpdateAuthorizerRequest): Promise<UpdateAuthorizerResponse> {
    return this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const a = authorizerOf(doc, input.AuthorizerId);
        const { ApiId: _a, AuthorizerId: _i, ...fields } = input;
        void _a, _i;
        for (const [k, v] of Object.entries(fields)) if (v !== undefined) (a as unknown as Record<string, unknown>)[k] = v;
        check(doc, a);
        return a as UpdateAuthorizerResponse;
      },
      { deploy: true },
    );
  }

  async DeleteAuthorizer(ctx: RequestContext, input: DeleteAuthorizerRequest): Promise<void> {
    await this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        authorizerOf(doc, input.AuthorizerId);
        const user = Object.values(doc.routes).find((r) => r.AuthorizerId === input.AuthorizerId);
        if (user) throw new ConflictException(`Cannot delete authorizer ${input.AuthorizerId}: it is used by route ${user.RouteId}`);
        delete doc.authorizers[input.AuthorizerId];
      },
      { deploy: true },
    );
  }

  async ResetAuthorizersCache(ctx: RequestContext, input: ResetAuthorizersCacheRequest): Promise<void> {
    const doc = await this.core.load(ctx, input.ApiId);
    if (!doc.stages[input.StageName]) throw new NotFoundException(`Invalid stage identifier specified`, { ResourceType: 'Stage' });
    this.core.notifyChanged(input.ApiId, this.core.scope(ctx), true);
  }
}

function authorizerOf(doc: ApiDoc, id: string): AuthorizerDoc {
  const a = doc.authorizers[id];
  if (!a) throw new NotFoundException(`Invalid Authorizer identifier specified ${id}`, { ResourceType: 'Authorizer' });
  return a;
}

/** What AWS checks of an authorizer against its API. */
function check(doc: ApiDoc, a: AuthorizerDoc): void {
  const http = doc.api.ProtocolType === 'HTTP';
  if (a.AuthorizerType === 'JWT') {
    if (!http) throw new BadRequestException('JWT authorizers are supported only for HTTP APIs.');
    if (!a.JwtConfiguration?.Issuer) throw new BadRequestException('JwtConfiguration with an Issuer is required for JWT authorizers.');
    if (!/^https:\/\/|^http:\/\//.test(a.JwtConfiguration.Issuer)) throw new BadRequestException(`Invalid issuer ${a.JwtConfiguration.Issuer}: the issuer must be an https URL.`);
    a.IdentitySource ??= ['$request.header.Authorization'];
    if (a.IdentitySource.length !== 1 || !/^\$request\.(header|querystring)\.\S+$/.test(a.IdentitySource[0]!)) {
      throw new BadRequestException('A JWT authorizer takes exactly one identity source, a header or query string parameter.');
    }
    return;
  }
  if (a.AuthorizerType !== 'REQUEST') throw new BadRequestException(`Unsupported authorizer type ${a.AuthorizerType}`);
  if (!a.AuthorizerUri) throw new BadRequestException('AuthorizerUri is required for REQUEST authorizers.');
  if (http) {
    if (a.AuthorizerPayloadFormatVersion === undefined) throw new BadRequestException('AuthorizerPayloadFormatVersion is required for REQUEST authorizers of HTTP APIs.');
    if (!['1.0', '2.0'].includes(a.AuthorizerPayloadFormatVersion)) throw new BadRequestException(`Unsupported AuthorizerPayloadFormatVersion ${a.AuthorizerPayloadFormatVersion}`);
    if (a.EnableSimpleResponses && a.AuthorizerPayloadFormatVersion !== '2.0') throw new BadRequestException('Simple responses are supported only for payload format version 2.0.');
  } else if (a.EnableSimpleResponses || (a.AuthorizerPayloadFormatVersion && a.AuthorizerPayloadFormatVersion !== '1.0')) {
    throw new BadRequestException('WebSocket API authorizers support only payload format version 1.0 without simple responses.');
  }
  a.AuthorizerResultTtlInSeconds ??= 0;
  if (a.AuthorizerResultTtlInSeconds > 0 && !(a.IdentitySource?.length)) throw new BadRequestException('Identity sources are required when authorizer caching is enabled.');
  for (const s of a.IdentitySource ?? []) {
    if (!/^\$(request\.(header|querystring)\.\S+|context\.\S+|stageVariables\.\S+|route\.\S+)$|^route\.request\.(header|querystring)\.\S+$/.test(s)) {
      throw new BadRequestException(`Invalid identity source ${s}`);
    }
  }
}
