/**
 * The SQL of backups, point-in-time recovery, exports and imports (tables in store.ts, migration 6).
 *
 * ddb_backups       one row per on-demand backup: its description and the table's metadata as JSON.
 * ddb_backup_items  the backup's items: copied from ddb_items in batches after the transaction that
 *                   starts it, or kept by a write that changed the item first (item NULL: the key
 *                   did not exist at the backup's time; dropped at the end).
 * ddb_backup_progress  the backups being copied: their table and how far the copy got.
 * ddb_pitr_log      while a table has point-in-time recovery: every version of every item written
 *                   since it was enabled (item NULL for a delete) by write time (ms), and the
 *                   item as it was then (at enabledAt - 1). The state at time T is, per key, the
 *                   latest version at or before T; a key without versions is as in the table.
 *                   Pruned by the table's `dynamodb.pitr` job to what the window needs.
 * ddb_transfers     exports and imports (`kind`), their description as JSON.
 */
import type { Queryable, Tx } from '../../storage/db.js';
import type { EncodedKey } from './keys.js';
import type { TableMeta } from './tables.js';

export interface BackupRow {
  arn: string;
  account: string;
  region: string;
  id: number;
  tableName: string;
  created: number;
  /** USER (CreateBackup) or SYSTEM (taken when a table with PITR is deleted). */
  type: 'USER' | 'SYSTEM';
  meta: BackupMeta;
}

/** What a backup keeps besides its items. */
export interface BackupMeta {
  name: string;
  /** The table's metadata when the backup was taken. */
  table: TableMeta;
  size: number;
  count: number;
  /** Set while its items are being copied (BackupStatus CREATING). */
  creating?: boolean;
  /** Restores from it in progress. */
  restores?: number;
  /** When a system backup expires (platform ms). */
  expiresAt?: number;
}

export interface TransferRow<M> {
  arn: string;
  kind: 'export' | 'import';
  account: string;
  region: string;
  tableArn: string;
  created: number;
  token: string | null;
  meta: M;
}

/** A row of the state of a table at a time, read from its change log (item null: deleted then). */
export interface VersionRow {
  pk: Buffer;
  sk: Buffer;
  size: number;
  item: string | null;
}

/** The latest version of each key at or before `at`, as a correlated subquery on the log's primary key. */
/** The most item bytes a backup copies per transaction (the writes of the table wait for no longer). */
export const BATCH_BYTES = 256 * 1024;

/** Items of the table (alias i) never written since PITR was enabled: as they were then. */
const UNLOGGED = 'NOT EXISTS (SELECT 1 FROM ddb_pitr_log m WHERE m.tid = i.tid AND m.pk = i.pk AND m.sk = i.sk)';

const LATEST_AT = 'l.at = (SELECT MAX(m.at) FROM ddb_pitr_log m WHERE m.tid = l.tid AND m.pk = l.pk AND m.sk = l.sk AND m.at <= ?)';

export class RecoveryStore {
  // Backups

  async nextBackupId(tx: Tx): Promise<number> {
    const row = await tx.get<{ value: number }>("SELECT value FROM ddb_seq WHERE name = 'backup'");
    const next = (row ? Number(row.value) : 0) + 1;
    if (row) await tx.run("UPDATE ddb_seq SET value = ? WHERE name = 'backup'", [next]);
    else await tx.run("INSERT INTO ddb_seq (name, value) VALUES ('backup', ?)", [next]);
    return next;
  }

  /** Copies a table's items into backup `bid` in one statement (a system backup, as its table is deleted). */
  async copyAll(tx: Tx, bid: number, tid: number): Promise<{ count: number; size: number }> {
    await tx.run('INSERT INTO ddb_backup_items (bid, pk, sk, h, size, item) SELECT ?, pk, sk, h, size, item FROM ddb_items WHERE tid = ?', [bid, tid]);
    const row = await tx.get<{ n: number; b: number | null }>('SELECT COUNT(*) AS n, SUM(size) AS b FROM ddb_backup_items WHERE bid = ?', [bid]);
    return { count: Number(row?.n ?? 0), size: Number(row?.b ?? 0) };
  }

  /** Starts copying a table into backup `bid` (from this transaction on, writes keep what they change: store.ts). */
  async startBackup(tx: Tx, bid: number, tid: number): Promise<void> {
    await tx.run('INSERT INTO ddb_backup_progress (bid, tid, cursor_pk, cursor_sk) VALUES (?, ?, NULL, NULL)', [bid, tid]);
  }

  /**
   * Copies the next `limit` items (key order) of a backup's table into it, where a write has not
   * kept the key's snapshot value already. Returns false once every item is copied (or the backup
   * was dropped).
   */
  async copyBatch(tx: Tx, bid: number, limit: number): Promise<boolean> {
    const p = await tx.get<{ tid: number; cursor_pk: Buffer | null; cursor_sk: Buffer | null }>('SELECT tid, cursor_pk, cursor_sk FROM ddb_backup_progress WHERE bid = ?', [bid]);
    if (!p) return false;
    const after = p.cursor_pk === null ? '' : 'AND (pk > ? OR (pk = ? AND sk > ?))';
    const cursor = p.cursor_pk === null ? [] : [p.cursor_pk, p.cursor_pk, p.cursor_sk!];
    // The batch ends after `limit` items or BATCH_BYTES, whichever comes first (keys and sizes only).
    const keys = await tx.all<{ pk: Buffer; sk: Buffer; size: number }>(`SELECT pk, sk, size FROM ddb_items WHERE tid = ? ${after} ORDER BY pk, sk LIMIT ?`, [p.tid, ...cursor, limit]);
    let bytes = 0;
    let end = keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      bytes += Number(keys[i]!.size);
      if (bytes >= BATCH_BYTES) {
        end = i;
        break;
      }
    }
    const last = keys.length === limit || end < keys.length - 1 ? keys[end] : undefined;
    const upTo = last ? 'AND (pk < ? OR (pk = ? AND sk <= ?))' : '';
    await tx.run(
      `INSERT INTO ddb_backup_items (bid, pk, sk, h, size, item) SELECT ?, pk, sk, h, size, item FROM ddb_items WHERE tid = ? ${after} ${upTo} ON CONFLICT (bid, pk, sk) DO NOTHING`,
      [bid, p.tid, ...cursor, ...(last ? [last.pk, last.pk, last.sk] : [])],
    );
    if (!last) return false;
    await tx.run('UPDATE ddb_backup_progress SET cursor_pk = ?, cursor_sk = ? WHERE bid = ?', [last.pk, last.sk, bid]);
    return true;
  }

  /** Ends a backup's copy: drops the markers of keys that did not exist at its time; returns its count and size. */
  async finishBackup(tx: Tx, bid: number): Promise<{ count: number; size: number }> {
    await tx.run('DELETE FROM ddb_backup_progress WHERE bid = ?', [bid]);
    await tx.run('DELETE FROM ddb_backup_items WHERE bid = ? AND item IS NULL', [bid]);
    const row = await tx.get<{ n: number; b: number | null }>('SELECT COUNT(*) AS n, SUM(size) AS b FROM ddb_backup_items WHERE bid = ?', [bid]);
    return { count: Number(row?.n ?? 0), size: Number(row?.b ?? 0) };
  }

  async saveBackup(tx: Tx, arn: string, meta: BackupMeta): Promise<void> {
    await tx.run('UPDATE ddb_backups SET meta = ? WHERE arn = ?', [JSON.stringify(meta), arn]);
  }

  async insertBackup(tx: Tx, b: BackupRow): Promise<void> {
    await tx.run('INSERT INTO ddb_backups (arn, account, region, id, table_name, created, type, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      b.arn,
      b.account,
      b.region,
      b.id,
      b.tableName,
      b.created,
      b.type,
      JSON.stringify(b.meta),
    ]);
  }

  async backupById(q: Queryable, bid: number): Promise<BackupRow | undefined> {
    const row = await q.get<any>('SELECT arn, account, region, id, table_name, created, type, meta FROM ddb_backups WHERE id = ?', [bid]);
    return row && backupOf(row);
  }

  async backup(q: Queryable, account: string, region: string, arn: string): Promise<BackupRow | undefined> {
    const row = await q.get<any>('SELECT arn, account, region, id, table_name, created, type, meta FROM ddb_backups WHERE arn = ? AND account = ? AND region = ?', [
      arn,
      account,
      region,
    ]);
    return row && backupOf(row);
  }

  async deleteBackup(tx: Tx, b: BackupRow): Promise<void> {
    await tx.run('DELETE FROM ddb_backups WHERE arn = ?', [b.arn]);
    await tx.run('DELETE FROM ddb_backup_progress WHERE bid = ?', [b.id]);
    await tx.run('DELETE FROM ddb_backup_items WHERE bid = ?', [b.id]);
  }

  /** Backups in creation order (then ARN), after `after` if given, filtered; up to `limit`. */
  async listBackups(
    account: string,
    region: string,
    f: { tableName?: string; types: readonly string[]; lower?: number; upper?: number; after?: { created: number; arn: string } },
    limit: number,
    q: Queryable,
  ): Promise<BackupRow[]> {
    const where = ['account = ?', 'region = ?', `type IN (${f.types.map(() => '?').join(', ')})`];
    const params: (string | number)[] = [account, region, ...f.types];
    if (f.tableName !== undefined) {
      where.push('table_name = ?');
      params.push(f.tableName);
    }
    if (f.lower !== undefined) {
      where.push('created >= ?');
      params.push(f.lower);
    }
    if (f.upper !== undefined) {
      where.push('created < ?');
      params.push(f.upper);
    }
    if (f.after) {
      where.push('(created > ? OR (created = ? AND arn > ?))');
      params.push(f.after.created, f.after.created, f.after.arn);
    }
    params.push(limit);
    const rows = await q.all<any>(`SELECT arn, account, region, id, table_name, created, type, meta FROM ddb_backups WHERE ${where.join(' AND ')} ORDER BY created, arn LIMIT ?`, params);
    return rows.map(backupOf);
  }

  /** Up to `limit` items of a backup in key order after `after`. */
  async backupItems(q: Queryable, bid: number, after: EncodedKey | undefined, limit: number): Promise<VersionRow[]> {
    return after
      ? q.all<VersionRow>('SELECT pk, sk, size, item FROM ddb_backup_items WHERE bid = ? AND (pk > ? OR (pk = ? AND sk > ?)) ORDER BY pk, sk LIMIT ?', [
          bid,
          after.pk,
          after.pk,
          after.sk,
          limit,
        ])
      : q.all<VersionRow>('SELECT pk, sk, size, item FROM ddb_backup_items WHERE bid = ? ORDER BY pk, sk LIMIT ?', [bid, limit]);
  }

  /** A restore from backup `bid` starts (DeleteBackup waits for it: BackupInUseException). */
  async restoreStarted(tx: Tx, bid: number): Promise<void> {
    await this.countRestores(tx, bid, 1);
  }

  async restoreEnded(tx: Tx, bid: number): Promise<void> {
    await this.countRestores(tx, bid, -1);
  }

  private async countRestores(tx: Tx, bid: number, by: number): Promise<void> {
    const row = await tx.get<{ arn: string; meta: string }>('SELECT arn, meta FROM ddb_backups WHERE id = ?', [bid]);
    if (!row) return;
    const meta = JSON.parse(row.meta) as BackupMeta;
    meta.restores = Math.max(0, (meta.restores ?? 0) + by) || undefined;
    await this.saveBackup(tx, row.arn, meta);
  }

  // Point-in-time recovery

  /** PITR enabled at `now`: versions logged before (while it was off) can mislead a restore; they go. */
  async startLog(tx: Tx, t: TableMeta, now: number): Promise<void> {
    await tx.run('DELETE FROM ddb_pitr_log WHERE tid = ? AND at < ?', [t.id, now - 1]);
  }

  async dropLog(tx: Tx, t: TableMeta): Promise<void> {
    await tx.run('DELETE FROM ddb_pitr_log WHERE tid = ?', [t.id]);
  }

  /**
   * Forgets what no restore within the window can need: versions replaced by a later one at or
   * before `cutoff`, then deletes at or before it (the key did not exist then).
   */
  async pruneLog(tx: Tx, tid: number, cutoff: number): Promise<number> {
    const a = await tx.run(
      'DELETE FROM ddb_pitr_log WHERE tid = ? AND at < ? AND EXISTS (SELECT 1 FROM ddb_pitr_log n WHERE n.tid = ddb_pitr_log.tid AND n.pk = ddb_pitr_log.pk AND n.sk = ddb_pitr_log.sk AND n.at > ddb_pitr_log.at AND n.at <= ?)',
      [tid, cutoff, cutoff],
    );
    const b = await tx.run('DELETE FROM ddb_pitr_log WHERE tid = ? AND at <= ? AND item IS NULL', [tid, cutoff]);
    return a.changes + b.changes;
  }

  async logSize(q: Queryable, tid: number): Promise<number> {
    const row = await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM ddb_pitr_log WHERE tid = ?', [tid]);
    return Number(row?.n ?? 0);
  }

  /**
   * Up to `limit` keys of table `tid` in key order after `after`, with their item at `at` (null: none
   * then): from the log, or from the table for keys not written since PITR was enabled.
   */
  async stateAt(q: Queryable, tid: number, at: number, after: EncodedKey | undefined, limit: number): Promise<VersionRow[]> {
    const cursor = (a: string) => (after ? `AND (${a}.pk > ? OR (${a}.pk = ? AND ${a}.sk > ?))` : '');
    const c = after ? [after.pk, after.pk, after.sk] : [];
    // Each side ordered and limited on its own index first: the merge then sorts 2 x limit rows.
    return q.all<VersionRow>(
      `SELECT pk, sk, size, item FROM (SELECT * FROM (SELECT l.pk AS pk, l.sk AS sk, l.size AS size, l.item AS item FROM ddb_pitr_log l WHERE l.tid = ? ${cursor('l')} AND ${LATEST_AT} ORDER BY l.pk, l.sk LIMIT ?) a UNION ALL SELECT * FROM (SELECT i.pk AS pk, i.sk AS sk, i.size AS size, i.item AS item FROM ddb_items i WHERE i.tid = ? ${cursor('i')} AND ${UNLOGGED} ORDER BY i.pk, i.sk LIMIT ?) b) s ORDER BY pk, sk LIMIT ?`,
      [tid, ...c, at, limit, tid, ...c, limit, limit],
    );
  }

  /**
   * Up to `limit` keys changed in (`from`, `to`] in key order after `after`: the item at `to` (new,
   * null when deleted), at `from` (old, null when absent) and the time of the last change.
   */
  async changesBetween(
    q: Queryable,
    tid: number,
    from: number,
    to: number,
    after: EncodedKey | undefined,
    limit: number,
  ): Promise<{ pk: Buffer; sk: Buffer; at: number; item: string | null; old: string | null }[]> {
    const old = '(SELECT o.item FROM ddb_pitr_log o WHERE o.tid = l.tid AND o.pk = l.pk AND o.sk = l.sk AND o.at <= ? ORDER BY o.at DESC LIMIT 1)';
    const cursor = after ? 'AND (l.pk > ? OR (l.pk = ? AND l.sk > ?))' : '';
    return q.all(
      `SELECT l.pk AS pk, l.sk AS sk, l.at AS at, l.item AS item, ${old} AS old FROM ddb_pitr_log l WHERE l.tid = ? ${cursor} AND l.at > ? AND ${LATEST_AT} ORDER BY l.pk, l.sk LIMIT ?`,
      [from, tid, ...(after ? [after.pk, after.pk, after.sk] : []), from, to, limit],
    );
  }

  // Exports and imports

  async insertTransfer<M>(tx: Tx, r: TransferRow<M>): Promise<void> {
    await tx.run('INSERT INTO ddb_transfers (arn, kind, account, region, table_arn, created, token, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      r.arn,
      r.kind,
      r.account,
      r.region,
      r.tableArn,
      r.created,
      r.token,
      JSON.stringify(r.meta),
    ]);
  }

  async saveTransfer<M>(tx: Tx, arn: string, meta: M): Promise<void> {
    await tx.run('UPDATE ddb_transfers SET meta = ? WHERE arn = ?', [JSON.stringify(meta), arn]);
  }

  async transfer<M>(q: Queryable, kind: 'export' | 'import', account: string, region: string, arn: string): Promise<TransferRow<M> | undefined> {
    const row = await q.get<any>('SELECT * FROM ddb_transfers WHERE arn = ? AND kind = ? AND account = ? AND region = ?', [arn, kind, account, region]);
    return row && transferOf<M>(row);
  }

  /** The transfer a ClientToken named (the newest), if any. */
  async transferByToken<M>(q: Queryable, kind: 'export' | 'import', account: string, region: string, token: string): Promise<TransferRow<M> | undefined> {
    const row = await q.get<any>('SELECT * FROM ddb_transfers WHERE kind = ? AND account = ? AND region = ? AND token = ? ORDER BY created DESC LIMIT 1', [
      kind,
      account,
      region,
      token,
    ]);
    return row && transferOf<M>(row);
  }

  /** Transfers in creation order (then ARN) after `after`, of one table if given; up to `limit`. */
  async listTransfers<M>(
    q: Queryable,
    kind: 'export' | 'import',
    account: string,
    region: string,
    tableArn: string | undefined,
    after: { created: number; arn: string } | undefined,
    limit: number,
  ): Promise<TransferRow<M>[]> {
    const where = ['account = ?', 'region = ?', 'kind = ?'];
    const params: (string | number)[] = [account, region, kind];
    if (tableArn !== undefined) {
      where.push('table_arn = ?');
      params.push(tableArn);
    }
    if (after) {
      where.push('(created > ? OR (created = ? AND arn > ?))');
      params.push(after.created, after.created, after.arn);
    }
    params.push(limit);
    const rows = await q.all<any>(`SELECT * FROM ddb_transfers WHERE ${where.join(' AND ')} ORDER BY created, arn LIMIT ?`, params);
    return rows.map((r) => transferOf<M>(r));
  }
}

function backupOf(row: any): BackupRow {
  return {
    arn: row.arn,
    account: row.account,
    region: row.region,
    id: Number(row.id),
    tableName: row.table_name,
    created: Number(row.created),
    type: row.type,
    meta: JSON.parse(row.meta) as BackupMeta,
  };
}

function transferOf<M>(row: any): TransferRow<M> {
  return {
    arn: row.arn,
    kind: row.kind,
    account: row.account,
    region: row.region,
    tableArn: row.table_arn,
    created: Number(row.created),
    token: row.token ?? null,
    meta: JSON.parse(row.meta) as M,
  };
}
