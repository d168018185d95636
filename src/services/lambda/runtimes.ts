/**
 * Which interpreter runs a function's runtime, and what its environments' INIT_START line says:
 * `nodejsNN.x` on Node NN (installed on first use, see runtime/node-runtimes.ts), `python3.x` on
 * the machine's Python, named in the line when its version is not the one asked for.
 */
import { spawnSync } from 'node:child_process';
import { NodeRuntimes } from '../../runtime/node-runtimes.js';
import { isPythonRuntime } from '../../runtime/environment.js';

export interface RuntimeChoice {
  /** Node's executable for a Node runtime (the server's own when undefined). */
  readonly executable?: string | undefined;
  /** The INIT_START line's text after `Runtime Version: `. */
  readonly version: string;
}

export class RuntimeVersions {
  readonly nodes: NodeRuntimes;
  private pythonVersion: string | undefined;

  constructor(
    private readonly python: string,
    cacheRoot: string,
  ) {
    this.nodes = new NodeRuntimes(cacheRoot);
  }

  async choose(runtime: string): Promise<RuntimeChoice> {
    const major = NodeRuntimes.major(runtime);
    if (major !== undefined) {
      const node = await this.nodes.binaryFor(major);
      const version = `nodejs:${node.version}`;
      return { executable: node.path, version: node.fallback ? `${version} (${runtime} runs on the server's Node.js: ${node.fallback})` : version };
    }
    if (isPythonRuntime(runtime)) {
      const have = this.machinePython();
      const wanted = runtime.slice('python'.length);
      const same = have === wanted || have.startsWith(`${wanted}.`);
      return { version: same ? `python:${have}` : `python:${have} (${runtime} runs on this machine's Python ${have})` };
    }
    return { version: runtime };
  }

  private machinePython(): string {
    if (this.pythonVersion === undefined) {
      const r = spawnSync(this.python, ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8', timeout: 10_000 });
      this.pythonVersion = r.status === 0 ? r.stdout.trim() : 'unknown';
    }
    return this.pythonVersion;
  }
}
