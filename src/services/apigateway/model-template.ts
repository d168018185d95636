/**
 * The mapping template API Gateway generates for a model (GetModelTemplate, in REST and WebSocket
 * APIs): a Velocity template that renders the model's shape from the request body.
 */
type Schema = Record<string, any>;

/**
 * `schemaText` is the model's JSON schema; `$ref`s name other models of the API (by their
 * `.../models/{name}` URL) or the schema's own definitions.
 */
export function modelTemplate(schemaText: string | undefined, modelSchema: (name: string) => string | undefined, invalid: () => Error): string {
  let schema: Schema;
  try {
    schema = JSON.parse(schemaText ?? '{}');
  } catch {
    throw invalid();
  }
  const resolve = (s: Schema): Schema => {
    const ref = typeof s?.$ref === 'string' ? /\/models\/([^/]+)$/.exec(s.$ref) ?? /^#\/definitions\/(.+)$/.exec(s.$ref) : null;
    if (ref) {
      const target = modelSchema(ref[1]!);
      if (target !== undefined) return JSON.parse(target || '{}');
      const local = schema.definitions?.[ref[1]!];
      if (local) return local;
    }
    return s ?? {};
  };
  let depth = 0;
  const render = (raw: Schema, ref: string, indent: string): string => {
    const s = resolve(raw);
    if (++depth > 20) return '{}';
    try {
      const type = Array.isArray(s.type) ? s.type[0] : s.type ?? (s.properties ? 'object' : s.items ? 'array' : 'string');
      if (type === 'object') {
        const props = Object.entries((s.properties ?? {}) as Schema);
        if (!props.length) return '{}';
        const inner = indent + '  ';
        return `{\n${props.map(([k, v]) => `${inner}"${k}" : ${render(v, `${ref}.${k}`, inner)}`).join(',\n')}\n${indent}}`;
      }
      if (type === 'array') {
        const v = `$elem${depth}`;
        const inner = indent + '  ';
        return `[\n#foreach(${v} in ${ref})\n${inner}${render(s.items ?? {}, v, inner)}#if($foreach.hasNext),#end\n#end\n${indent}]`;
      }
      if (type === 'string') return `"${ref}"`;
      return ref;
    } finally {
      depth--;
    }
  };
  return `#set($inputRoot = $input.path('$'))\n${render(schema, '$inputRoot', '')}`;
}
