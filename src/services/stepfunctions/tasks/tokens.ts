/** Task tokens of callback tasks (.waitForTaskToken and activities), and what waits on them. */
import { randomBytes } from 'node:crypto';
import type { StatesError } from '../asl/errors.js';

export interface TokenWaiter {
  readonly token: string;
  readonly executionArn: string;
  resolve(output: unknown): void;
  reject(e: StatesError): void;
  heartbeat(): void;
}

/** The tasks waiting on a token (in memory; a resumed execution re-schedules its task). */
export class TaskTokens {
  private readonly waiters = new Map<string, TokenWaiter>();

  newToken(): string {
    return randomBytes(96).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 120) + randomBytes(8).toString('hex');
  }

  /** The task waiting on `token` (SendTaskSuccess/Failure/Heartbeat), if any. */
  waiter(token: string): TokenWaiter | undefined {
    return this.waiters.get(token);
  }

  /** Resolves with the output SendTaskSuccess sends, rejects with SendTaskFailure's error; forgotten on abort. */
  wait(token: string, executionArn: string, heartbeat: () => void, signal: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiters.set(token, {
        token,
        executionArn,
        heartbeat,
        resolve: (v) => {
          this.waiters.delete(token);
          resolve(v);
        },
        reject: (e) => {
          this.waiters.delete(token);
          reject(e);
        },
      });
      signal.addEventListener('abort', () => this.waiters.delete(token), { once: true });
    });
  }
}
