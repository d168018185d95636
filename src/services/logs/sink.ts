/**
 * The Platform's Logs sink (`platform.logs`): the buffered writer of this database. The server
 * opens it whether or not the Logs service is loaded (Lambda's function logs are stored either
 * way), so opening it creates the Logs tables.
 */
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../storage/db.js';
import type { LogSink } from '../service.js';
import { LOGS_MIGRATIONS, logWriterFor } from './store.js';

export async function openLogSink(db: Db, clock: Clock): Promise<LogSink> {
  await db.migrate('logs', LOGS_MIGRATIONS);
  return logWriterFor(db, clock);
}
