import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

const CLIENT_ENV = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '' };

/**
 * Runs Debian's AWS CLI v2 (/usr/bin/aws, installed by .ci/run) and returns its JSON output.
 * A failing command rejects with its stderr in the message.
 */
export async function awsCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await run('/usr/bin/aws', [...args, '--output', 'json'], { env: { ...process.env, ...CLIENT_ENV, ...env } });
  return stdout;
}

/**
 * Runs a Python script with Debian's python3 and its python3-boto3 (installed by .ci/run);
 * the script reads the endpoint from the ENDPOINT environment variable.
 */
export async function boto3(script: string, endpoint: string): Promise<string> {
  const { stdout } = await run('/usr/bin/python3', ['-c', script], { env: { ...process.env, ...CLIENT_ENV, ENDPOINT: endpoint } });
  return stdout;
}
