/**
 * Module resolution hooks of a Node function's process (registered by the bootstrap with
 * `module.register`). ES modules ignore NODE_PATH, yet on AWS an `index.mjs` imports the AWS SDK
 * the runtime ships and packages from layers (`/opt/nodejs/node_modules`). A bare specifier that
 * does not resolve from the importing file is looked up in the NODE_PATH directories, in order,
 * as `require` would.
 */
import { pathToFileURL } from 'node:url';

interface ResolveContext {
  parentURL?: string | undefined;
  conditions?: string[];
  importAttributes?: Record<string, string>;
}
type NextResolve = (specifier: string, context?: ResolveContext) => Promise<{ url: string }>;

let parents: string[] = [];

export function initialize(data: { paths?: string[] } | undefined): void {
  // A file URL inside each directory: resolution from it walks into that very node_modules.
  parents = (data?.paths ?? []).filter(Boolean).map((dir) => pathToFileURL(`${dir}/_`).href);
}

function isBare(specifier: string): boolean {
  return !/^(\.{0,2}\/|[a-zA-Z][a-zA-Z0-9+.-]*:)/.test(specifier);
}

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve): Promise<{ url: string }> {
  try {
    return await next(specifier, context);
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code !== 'ERR_MODULE_NOT_FOUND' || !isBare(specifier)) throw e;
    for (const parentURL of parents) {
      try {
        return await next(specifier, { ...context, parentURL });
      } catch {
        /* not in this directory */
      }
    }
    throw e;
  }
}
