import type { MemberRef, OperationModel, ServiceModel, Shape } from './model.js';
import { compileRoutes, type RestRoute } from './protocols/rest-routes.js';

/**
 * A service model with the lookups the protocol layer needs precomputed once at start-up:
 * operations by name, the REST route table, and which shapes need conversion between the
 * wire and the provider (timestamps, blobs) so plain JSON can skip the walk.
 */
export class ServiceIndex {
  readonly operations: ReadonlyMap<string, OperationModel>;
  readonly protocol: string;
  readonly signingName: string;
  readonly targetPrefix: string | undefined;
  /** Shapes passed through exactly as on the wire (validated by the provider). */
  readonly wireShapes: ReadonlySet<string>;
  private routes: RestRoute[] | undefined;
  private readonly plainCache = new Map<string, boolean>();

  constructor(
    readonly name: string,
    readonly model: ServiceModel,
    wireShapes: readonly string[] = [],
  ) {
    // An operation is named by its key in the model (CloudFront's `GetDistribution`, whose
    // `name` is `GetDistribution2020_05_31`): that is the provider's method and the generated type.
    this.operations = new Map(Object.entries(model.operations).map(([key, op]) => [key, op.name === key ? op : { ...op, name: key }]));
    this.protocol = model.metadata.protocol;
    this.signingName = model.metadata.signingName ?? model.metadata.endpointPrefix;
    this.targetPrefix = model.metadata.targetPrefix;
    this.wireShapes = new Set(wireShapes);
  }

  shape(name: string): Shape {
    const shape = this.model.shapes[name];
    if (!shape) throw new Error(`${this.name}: no shape ${name} in the model`);
    return shape;
  }

  /** REST services: the operations' URI templates, most specific first. */
  get restRoutes(): RestRoute[] {
    this.routes ??= compileRoutes(this.operations.values(), (name) => this.model.shapes[name]);
    return this.routes;
  }

  /** The error shape for an error code (shape name), if the model declares it. */
  errorShape(code: string): Shape | undefined {
    const shape = this.model.shapes[code];
    return shape?.exception ? shape : undefined;
  }

  /**
   * True when values of this shape are the same in JSON on the wire and in the provider:
   * no timestamps, blobs or renamed members anywhere below it. Such values need no walk.
   */
  isPlainJson(shapeName: string): boolean {
    const cached = this.plainCache.get(shapeName);
    if (cached !== undefined) return cached;
    this.plainCache.set(shapeName, true); // recursion guard: a cycle alone does not make it impure
    const plain = this.computePlain(shapeName);
    this.plainCache.set(shapeName, plain);
    return plain;
  }

  private computePlain(shapeName: string): boolean {
    if (this.wireShapes.has(shapeName)) return true;
    const shape = this.shape(shapeName);
    const refs: MemberRef[] = [];
    switch (shape.type) {
      case 'timestamp':
      case 'blob':
        return false;
      case 'structure':
        for (const ref of Object.values(shape.members ?? {})) {
          if (ref.locationName || ref.jsonvalue) return false;
          refs.push(ref);
        }
        break;
      case 'list':
        refs.push(shape.member!);
        break;
      case 'map':
        refs.push(shape.value!);
        break;
      default:
        return true;
    }
    return refs.every((ref) => this.isPlainJson(ref.shape));
  }
}
