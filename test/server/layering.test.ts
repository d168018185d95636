/**
 * The import graph points one way: from the listener down to the platform, never back up. A module
 * may import its own layer and the layers below it (type-only imports included: they tie the code
 * to the upper layer just the same). Tests and benches sit beside src/, and tests do not lean on
 * benches.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/<folder> -> its layer: lower numbers are imported by higher ones, not the other way. */
const LAYERS: Record<string, number> = {
  core: 0,
  storage: 1,
  aws: 1,
  runtime: 1,
  jobs: 2,
  generated: 2,
  services: 3,
  server: 4,
  cli: 5,
  console: 5,
  'index.ts': 6,
};

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every relative module a source text imports (static, dynamic, re-exports). */
function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) out.push(m[1]!);
  return out;
}

/** 'src/aws/x.ts' -> ['src', 'aws']; 'test/dynamodb/x.ts' -> ['test', 'dynamodb']. */
function area(path: string): [string, string | undefined] {
  const [top, next] = path.split('/') as [string, string | undefined];
  return [top, next];
}

/** The imports that break the layering, as "from -> to" lines; `files` maps repository paths to their text. */
function layeringViolations(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [from, text] of files) {
    const [top, folder] = area(from);
    for (const spec of importsOf(text)) {
      const to = join(dirname(from), spec).split(sep).join('/');
      const [toTop, toFolder] = area(to);
      if (top === 'src' && (toTop === 'test' || toTop === 'bench')) problems.push(`${from} -> ${to} (src/ imports ${toTop}/)`);
      else if (top === 'test' && toTop === 'bench') problems.push(`${from} -> ${to} (tests import benches)`);
      else if (top === 'src' && toTop === 'src' && folder !== toFolder) {
        const own = LAYERS[folder!];
        const target = LAYERS[toFolder!];
        if (own === undefined || target === undefined) problems.push(`${from} -> ${to} (add src/${own === undefined ? folder : toFolder}/ to LAYERS)`);
        else if (target > own) problems.push(`${from} -> ${to} (${folder}/ imports ${toFolder}/, a layer above it)`);
      }
    }
  }
  return problems;
}

function sources(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts')) out.set(relative(ROOT, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return out;
}

describe('layering', () => {
  it('src/ imports only downward; test/ does not import bench/', () => {
    const files = new Map([...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'test'))]);
    files.delete('test/server/layering.test.ts'); // its examples below are not imports
    assert.ok(files.size > 100, `source files found under ${ROOT}`);
    assert.deepEqual(layeringViolations(files), []);
  });

  it('catches an upward import of any kind', () => {
    const files = new Map([
      ['src/aws/protocols/x.ts', "import type { Routed } from '../../server/router.js';"],
      ['src/runtime/y.ts', "const m = await import('../services/lambda/index.js');"],
      ['src/services/z.ts', "export { send } from '../server/server.js';\nimport { Clock } from '../core/clock.js';"],
      ['src/core/w.ts', "import { sqliteDdl } from '../storage/ddl.js';"],
      ['test/dynamodb/helpers.ts', "import { runLoad } from '../../bench/lib/load.js';"],
      ['src/server/ok.ts', "import { definition } from '../services/sts/index.js';"],
    ]);
    assert.deepEqual(layeringViolations(files), [
      'src/aws/protocols/x.ts -> src/server/router.js (aws/ imports server/, a layer above it)',
      'src/runtime/y.ts -> src/services/lambda/index.js (runtime/ imports services/, a layer above it)',
      'src/services/z.ts -> src/server/server.js (services/ imports server/, a layer above it)',
      'src/core/w.ts -> src/storage/ddl.js (core/ imports storage/, a layer above it)',
      'test/dynamodb/helpers.ts -> bench/lib/load.js (tests import benches)',
    ]);
  });
});
