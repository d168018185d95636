import type * as Yaml from 'yaml';
import { lazyModule } from '../../../core/lazy.js';

const yaml = lazyModule<typeof Yaml>('yaml');
import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  type APIGatewayApi,
  type CreateDocumentationPartRequest,
  type CreateDocumentationVersionRequest,
  type DeleteDocumentationPartRequest,
  type DeleteDocumentationVersionRequest,
  type DocumentationPart,
  type DocumentationPartIds,
  type DocumentationParts,
  type DocumentationVersion,
  type DocumentationVersions,
  type GetDocumentationPartRequest,
  type GetDocumentationPartsRequest,
  type GetDocumentationVersionRequest,
  type GetDocumentationVersionsRequest,
  type ImportDocumentationPartsRequest,
  type UpdateDocumentationPartRequest,
  type UpdateDocumentationVersionRequest,
} from '../../../generated/apigateway.js';
import { clone, date, newId, scopeOf, wholeSecond } from '../common.js';
import type { ApiDoc, DocLocation, DocPart, DocVersion, Documentation } from '../types.js';
import { ApiMembers, type ControlCore } from './core.js';

/** Which location fields each type uses; the others are dropped (AWS ignores them). */
const FIELDS: Record<string, (keyof DocLocation)[]> = {
  API: [],
  AUTHORIZER: ['name'],
  MODEL: ['name'],
  RESOURCE: ['path'],
  METHOD: ['path', 'method'],
  PATH_PARAMETER: ['path', 'method', 'name'],
  QUERY_PARAMETER: ['path', 'method', 'name'],
  REQUEST_HEADER: ['path', 'method', 'name'],
  REQUEST_BODY: ['path', 'method'],
  RESPONSE: ['path', 'method', 'statusCode'],
  RESPONSE_HEADER: ['path', 'method', 'statusCode', 'name'],
  RESPONSE_BODY: ['path', 'method', 'statusCode'],
};

function normalize(loc: DocLocation): DocLocation {
  const fields = FIELDS[loc.type];
  if (!fields) throw new BadRequestException(`Invalid documentation part type: ${loc.type}`);
  const out: DocLocation = { type: loc.type };
  for (const f of fields) {
    if (f === 'path') out.path = loc.path ?? '/';
    else if (f === 'method') out.method = loc.method ?? '*';
    else if (f === 'statusCode') out.statusCode = loc.statusCode ?? '*';
    else if (loc[f] !== undefined) out[f] = loc[f];
  }
  if ((loc.type === 'AUTHORIZER' || loc.type === 'MODEL' || loc.type.endsWith('_PARAMETER') || loc.type.endsWith('_HEADER')) && !out.name) {
    throw new BadRequestException(`Invalid location: the name is required for documentation parts of type ${loc.type}`);
  }
  return out;
}

const sameLocation = (a: DocLocation, b: DocLocation): boolean => JSON.stringify(a) === JSON.stringify(b);

function checkProperties(p: string): void {
  try {
    const v = JSON.parse(p);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
  } catch {
    throw new BadRequestException('Invalid properties: the properties must be a JSON object');
  }
}

const docsOf = (doc: ApiDoc): Documentation => (doc.documentation ??= { parts: {}, versions: {} });

const versionOut = (v: DocVersion): DocumentationVersion => ({ version: v.version, description: v.description, createdDate: date(v.createdDate) });

/** Documentation parts and versions of a REST API (kept in the API's document). */
export class DocumentationOps
  implements
    Pick<
      APIGatewayApi,
      | 'CreateDocumentationPart'
      | 'GetDocumentationPart'
      | 'GetDocumentationParts'
      | 'UpdateDocumentationPart'
      | 'DeleteDocumentationPart'
      | 'ImportDocumentationParts'
      | 'CreateDocumentationVersion'
      | 'GetDocumentationVersion'
      | 'GetDocumentationVersions'
      | 'UpdateDocumentationVersion'
      | 'DeleteDocumentationVersion'
    >
{
  private readonly parts: ApiMembers<DocPart, DocumentationPart, GetDocumentationPartRequest>;
  private readonly versions: ApiMembers<DocVersion, DocumentationVersion, GetDocumentationVersionRequest>;

  constructor(private readonly core: ControlCore) {
    this.parts = new ApiMembers(core, {
      in: (doc) => docsOf(doc).parts,
      id: (key) => key.documentationPartId,
      idOf: (p) => p.id,
      missing: () => 'Invalid Documentation part identifier specified',
      fields: { properties: 'string' },
      check: (p) => checkProperties(p.properties),
      out: (p) => clone(p) as DocumentationPart,
    });
    this.versions = new ApiMembers(core, {
      in: (doc) => docsOf(doc).versions,
      id: (key) => key.documentationVersion,
      idOf: (v) => v.version,
      missing: () => 'Invalid documentation version specified',
      fields: { description: 'string' },
      out: versionOut,
    });
  }

  CreateDocumentationPart(ctx: RequestContext, input: CreateDocumentationPartRequest): Promise<DocumentationPart> {
    return this.parts.put(ctx, input, (doc) => {
      const location = normalize(input.location);
      checkProperties(input.properties);
      if (Object.values(docsOf(doc).parts).some((p) => sameLocation(p.location, location))) throw new ConflictException('Documentation part already exists for the specified location');
      return { id: newId(6), location, properties: input.properties };
    });
  }

  GetDocumentationPart(ctx: RequestContext, input: GetDocumentationPartRequest): Promise<DocumentationPart> {
    return this.parts.get(ctx, input);
  }

  GetDocumentationParts(ctx: RequestContext, input: GetDocumentationPartsRequest): Promise<DocumentationParts> {
    return this.parts.list(ctx, input, {
      keep: (p) => (!input.type || p.location.type === input.type) && (!input.nameQuery || (p.location.name ?? '').includes(input.nameQuery)) && (!input.path || p.location.path === input.path),
    });
  }

  UpdateDocumentationPart(ctx: RequestContext, input: UpdateDocumentationPartRequest): Promise<DocumentationPart> {
    return this.parts.update(ctx, input);
  }

  DeleteDocumentationPart(ctx: RequestContext, input: DeleteDocumentationPartRequest): Promise<void> {
    return this.parts.delete(ctx, input);
  }

  /** x-amazon-apigateway-documentation of an OpenAPI document: { version?, documentationParts: [...] }. */
  async ImportDocumentationParts(ctx: RequestContext, input: ImportDocumentationPartsRequest): Promise<DocumentationPartIds> {
    let spec: any;
    try {
      const text = Buffer.from(input.body ?? Buffer.alloc(0)).toString('utf8');
      spec = text.trimStart().startsWith('{') ? JSON.parse(text) : yaml().parse(text);
    } catch (e) {
      throw new BadRequestException(`Invalid documentation input: ${(e as Error).message}`);
    }
    const parts: { location?: DocLocation; properties?: unknown }[] = spec?.['x-amazon-apigateway-documentation']?.documentationParts ?? [];
    if (!Array.isArray(parts)) throw new BadRequestException('Invalid documentation input: documentationParts must be a list');
    const mode = input.mode ?? 'merge';
    return this.core.mutate(ctx, input.restApiId, (doc) => {
      const docs = docsOf(doc);
      if (mode === 'overwrite') docs.parts = {};
      const ids: string[] = [];
      const warnings: string[] = [];
      for (const [i, raw] of parts.entries()) {
        try {
          if (!raw?.location?.type) throw new BadRequestException('the location type is required');
          const location = normalize(raw.location);
          const properties = typeof raw.properties === 'string' ? raw.properties : JSON.stringify(raw.properties ?? {});
          checkProperties(properties);
          const existing = Object.values(docs.parts).find((p) => sameLocation(p.location, location));
          const part: DocPart = { id: existing?.id ?? newId(6), location, properties };
          docs.parts[part.id] = part;
          ids.push(part.id);
        } catch (e) {
          const message = `Documentation part ${i}: ${(e as Error).message}`;
          if (input.failOnWarnings) throw new BadRequestException(message);
          warnings.push(message);
        }
      }
      return { ids, warnings: warnings.length ? warnings : undefined };
    });
  }

  // ---- versions

  /** Snapshots the current parts; with stageName, the stage then shows this version. */
  async CreateDocumentationVersion(ctx: RequestContext, input: CreateDocumentationVersionRequest): Promise<DocumentationVersion> {
    const s = scopeOf(ctx);
    const { stages } = this.core.store;
    if (input.stageName && !(await stages.get(this.core.db, s, [input.restApiId, input.stageName]))) throw new NotFoundException('Invalid stage identifier specified');
    const created = wholeSecond(ctx);
    const out = await this.versions.put(ctx, input, (doc) => {
      const docs = docsOf(doc);
      if (docs.versions[input.documentationVersion]) throw new ConflictException('Documentation version already exists');
      return { version: input.documentationVersion, description: input.description, createdDate: created, parts: Object.values(docs.parts).map((p) => ({ ...p })) };
    });
    if (input.stageName) {
      const stage = await stages.get(this.core.db, s, [input.restApiId, input.stageName]);
      if (stage) await this.core.db.tx((tx) => stages.put(tx, s, [input.restApiId, stage.stageName], { ...stage, documentationVersion: out.version }));
    }
    return out;
  }

  GetDocumentationVersion(ctx: RequestContext, input: GetDocumentationVersionRequest): Promise<DocumentationVersion> {
    return this.versions.get(ctx, input);
  }

  GetDocumentationVersions(ctx: RequestContext, input: GetDocumentationVersionsRequest): Promise<DocumentationVersions> {
    return this.versions.list(ctx, input);
  }

  UpdateDocumentationVersion(ctx: RequestContext, input: UpdateDocumentationVersionRequest): Promise<DocumentationVersion> {
    return this.versions.update(ctx, input);
  }

  DeleteDocumentationVersion(ctx: RequestContext, input: DeleteDocumentationVersionRequest): Promise<void> {
    return this.versions.delete(ctx, input);
  }
}
