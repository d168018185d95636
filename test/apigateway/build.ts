import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  type APIGatewayClient,
  type PutIntegrationCommandInput,
  type PutMethodCommandInput,
} from '@aws-sdk/client-api-gateway';

/** Small builder over the SDK for tests: resources by path, methods with integrations, deploy. */
export class ApiBuilder {
  private readonly ids = new Map<string, string>();
  constructor(
    readonly client: APIGatewayClient,
    readonly id: string,
    rootId: string,
  ) {
    this.ids.set('/', rootId);
  }

  static async create(client: APIGatewayClient, name: string, extra: Record<string, unknown> = {}): Promise<ApiBuilder> {
    const api = await client.send(new CreateRestApiCommand({ name, ...extra }));
    return new ApiBuilder(client, api.id!, api.rootResourceId!);
  }

  /** The id of the resource at `path`, creating missing parts. */
  async resource(path: string): Promise<string> {
    const known = this.ids.get(path);
    if (known) return known;
    const cut = path.lastIndexOf('/');
    const parentPath = cut === 0 ? '/' : path.slice(0, cut);
    const parentId = await this.resource(parentPath);
    const r = await this.client.send(new CreateResourceCommand({ restApiId: this.id, parentId, pathPart: path.slice(cut + 1) }));
    this.ids.set(path, r.id!);
    return r.id!;
  }

  async method(
    path: string,
    httpMethod: string,
    integration: Omit<PutIntegrationCommandInput, 'restApiId' | 'resourceId' | 'httpMethod'>,
    method: Partial<Omit<PutMethodCommandInput, 'restApiId' | 'resourceId' | 'httpMethod'>> = {},
    responses: { statusCode: string; selectionPattern?: string; responseTemplates?: Record<string, string>; responseParameters?: Record<string, string> }[] = [],
  ): Promise<string> {
    const resourceId = await this.resource(path);
    await this.client.send(new PutMethodCommand({ restApiId: this.id, resourceId, httpMethod, authorizationType: 'NONE', ...method }));
    await this.client.send(new PutIntegrationCommand({ restApiId: this.id, resourceId, httpMethod, ...integration }));
    for (const r of responses) {
      const responseParameters: Record<string, boolean> = {};
      for (const k of Object.keys(r.responseParameters ?? {})) responseParameters[k] = false;
      await this.client.send(new PutMethodResponseCommand({ restApiId: this.id, resourceId, httpMethod, statusCode: r.statusCode, responseParameters }));
      await this.client.send(new PutIntegrationResponseCommand({ restApiId: this.id, resourceId, httpMethod, ...r }));
    }
    return resourceId;
  }

  async deploy(stageName = 'dev', variables?: Record<string, string>): Promise<string> {
    const d = await this.client.send(new CreateDeploymentCommand({ restApiId: this.id, stageName, variables }));
    return d.id!;
  }
}

export const lambdaProxy = (uri: string) => ({ type: 'AWS_PROXY' as const, integrationHttpMethod: 'POST', uri });
