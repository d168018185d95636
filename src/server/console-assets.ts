/**
 * The web console's files (the top-level `console/` folder of the package), served under
 * `/_stratus/console/`. They are the sources themselves (vanilla ES modules, no build step), found
 * relative to the package root so that a clean clone after `npm run build` and an installed package
 * both serve them. Each answer carries an ETag (size and modification time, as static servers make
 * them) and `Cache-Control: no-cache`, so a browser revalidates and gets 304 for what it has: edits
 * show on reload, unchanged files cost a stat.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { send, type HttpRequest, type ResponseSink } from '../core/http.js';

export const CONSOLE_PREFIX = '/_stratus/console';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The package's `console/` folder: the first ancestor of this module holding package.json and console/index.html. */
export function consoleRoot(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'console', 'index.html'))) return join(dir, 'console');
    if (dirname(dir) === dir) return undefined;
  }
}

interface Cached {
  mtimeMs: number;
  size: number;
  etag: string;
  body: Buffer;
}

/** A handler for every path under /_stratus/console; `root` is the folder it serves. */
export function createConsoleAssets(root: string | undefined = consoleRoot()) {
  const base = root && resolve(root);
  const cache = new Map<string, Cached>();

  const notFound = (req: HttpRequest, res: ResponseSink, message: string): void =>
    void send(res, req, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: message });

  /** The file a request path names, or undefined when it is not one inside the console folder. */
  function fileOf(rawPath: string): string | undefined {
    let rel: string;
    try {
      rel = decodeURIComponent(rawPath.slice(CONSOLE_PREFIX.length));
    } catch {
      return undefined;
    }
    if (rel.includes('\0') || rel.includes('\\')) return undefined;
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = resolve(base!, `.${rel.startsWith('/') ? rel : `/${rel}`}`);
    // Traversal (`..`, encoded or not) resolves outside the folder: refused.
    if (!file.startsWith(base! + sep)) return undefined;
    // Dot files (editor swap files, .DS_Store) are not part of the console.
    if (file.slice(base!.length).split(sep).some((p) => p.startsWith('.'))) return undefined;
    return file;
  }

  function load(file: string): Cached | undefined {
    let st;
    try {
      st = statSync(file);
    } catch {
      return undefined;
    }
    if (!st.isFile()) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    const entry = { mtimeMs: st.mtimeMs, size: st.size, etag: `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`, body: readFileSync(file) };
    cache.set(file, entry);
    return entry;
  }

  return (req: HttpRequest, res: ResponseSink): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, req, { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, body: `${req.method} is not allowed` });
      return;
    }
    if (!base) return notFound(req, res, 'the console files are not installed (no console/ folder beside package.json)');
    // Relative URLs in index.html resolve against the folder: the bare prefix gets its slash.
    if (req.rawPath === CONSOLE_PREFIX) {
      send(res, req, { status: 301, headers: { location: `${CONSOLE_PREFIX}/${req.rawQuery ? `?${req.rawQuery}` : ''}` }, body: '' });
      return;
    }
    const file = fileOf(req.rawPath);
    const entry = file && load(file);
    if (!entry) return notFound(req, res, `no console file ${req.rawPath}`);
    const ext = file!.slice(file!.lastIndexOf('.'));
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      etag: entry.etag,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    const match = req.headers['if-none-match'];
    if (match && match.split(',').some((t) => t.trim() === entry.etag || t.trim() === '*')) {
      send(res, req, { status: 304, headers, body: '' });
      return;
    }
    send(res, req, { status: 200, headers, body: entry.body });
  };
}
