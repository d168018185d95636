import { parseLogGroupArn } from '../../../aws/arn.js';
import { randomUUID } from 'node:crypto';
import type { Platform } from '../../service.js';
import type { GatewayError } from '../gateway-responses.js';
import { methodSettings, valueAt } from './request-context.js';
import type { Deployed, ExecutionLog, MethodRequest, Reply } from './types.js';

/**
 * Access logs (the stage's accessLogSettings) and execution logs (the method setting loggingLevel),
 * written to CloudWatch Logs when the Logs service is loaded.
 */
export class StageLogs {
  /** This node's log stream in access and execution log groups. */
  private readonly logStream = randomUUID().replace(/-/g, '');

  constructor(private readonly platform: Platform) {}

  /** Whether this request writes access or execution logs (checked before building anything). */
  wanted(dep: Deployed, req: MethodRequest | undefined): boolean {
    const stage = dep.stage;
    const access = !!stage.accessLogSettings?.destinationArn;
    const settings = stage.methodSettings;
    if (!access && (!req || Object.keys(settings).length === 0)) return false;
    return this.platform.services.has('logs');
  }

  write(dep: Deployed, req: MethodRequest | undefined, log: ExecutionLog, reply: Reply, context: Record<string, unknown>, failure: GatewayError | undefined): void {
    const now = this.platform.clock.now();
    const writer = this.platform.logs;
    const access = dep.stage.accessLogSettings;
    if (access?.destinationArn && access.format) {
      const group = parseLogGroupArn(access.destinationArn);
      if (group) {
        const ctx: Record<string, unknown> = {
          ...context,
          status: reply.status,
          responseLength: reply.body.length,
          responseLatency: Math.max(0, now - (context.requestTimeEpoch as number)),
          error: failure ? { message: failure.messageValue, responseType: failure.type } : undefined,
        };
        const message = access.format.replace(/\$\{?context\.([A-Za-z0-9_.]+)\}?/g, (_, path: string) => {
          const v = valueAt(ctx, path);
          return v === undefined || v === null ? '-' : String(v);
        });
        writer.put({ accountId: group.account, region: group.region, logGroupName: group.name, logStreamName: this.logStream, events: [{ timestamp: now, message }] });
      }
    }
    if (req) {
      const level = methodSettings(req).effective.loggingLevel;
      if (level === 'INFO' || (level === 'ERROR' && reply.status >= 400)) {
        writer.put({
          accountId: dep.scope.accountId,
          region: dep.scope.region,
          logGroupName: `API-Gateway-Execution-Logs_${dep.apiId}/${dep.stageName}`,
          logStreamName: this.logStream,
          events: log.lines.map((line) => ({ timestamp: now, message: `(${req.requestId}) ${line}` })),
        });
      }
    }
  }
}
