/**
 * Exports to S3: ExportTableToPointInTime, DescribeExport, ListExports, and the `dynamodb.export`
 * job that writes them.
 *
 * An export reads the table's point-in-time change log (ops/pitr.ts) as of its ExportTime, so it
 * is one consistent state read in bounded batches without holding the table: the log's versions at
 * or before a past time never change (pruning keeps the window's). It writes, through the S3
 * service, AWS's layout: `<prefix>/AWSDynamoDB/<ExportId>/` with `_started`, `data/<26 chars>.json.gz`
 * (or `.ion.gz`) files of up to 10,000 items (or 8 MB of lines), one item a line, then `manifest-files.json` (one line
 * per data file), `manifest-summary.json` and their `.checksum` files (MD5, hex).
 */
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import type { BodyStream } from '../../../core/http.js';
import type { JobOutcome } from '../../../jobs/index.js';
import { enqueue, type Job } from '../../../jobs/queue.js';
import {
  ExportConflictException,
  ExportNotFoundException,
  InvalidExportTimeException,
  TableNotFoundException,
  type DescribeExportInput,
  type DescribeExportOutput,
  type DynamoDBApi,
  type ExportDescription,
  type ExportTableToPointInTimeInput,
  type ExportTableToPointInTimeOutput,
  type ListExportsInput,
  type ListExportsOutput,
} from '../../../generated/dynamodb.js';
import type { S3Api } from '../../../generated/s3.js';
import { decodePageToken, listingOf, pageOf } from '../../../storage/paginate.js';
import { serviceClient } from '../../clients.js';
import type { DynamoDbCore } from '../core.js';
import type { EncodedKey } from '../keys.js';
import { RecoveryStore } from '../recovery-store.js';
import { ionLine, ionStruct } from '../transfer-formats.js';
import { parseTableArn, tableArn } from '../tables.js';
import { validation, type Item } from '../values.js';
import { pitrUnavailable, restorableWindow } from './pitr.js';

const gz = promisify(gzip);

export const EXPORT_JOB = 'dynamodb.export';
/** Items per data file, and the most bytes of lines one holds before it is written (bounded memory). */
const FILE_ITEMS = 10_000;
const FILE_BYTES = 8 * 1024 * 1024;
/** Rows read from the change log per batch. */
const BATCH = 1000;
/** How long a ClientToken names its export (AWS: 8 hours). */
const TOKEN_MS = 8 * 60 * 60 * 1000;

export interface ExportMeta {
  exportId: string;
  tid: number;
  tableId: string;
  hash: string;
  range?: string;
  status: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  start: number;
  end?: number;
  exportTime: number;
  clientToken: string;
  digest: string;
  bucket: string;
  bucketOwner?: string;
  prefix?: string;
  sseAlgorithm?: string;
  sseKmsKeyId?: string;
  format: 'DYNAMODB_JSON' | 'ION';
  type: 'FULL_EXPORT' | 'INCREMENTAL_EXPORT';
  incremental?: { from: number; to: number; viewType: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES' };
  itemCount?: number;
  billedSize?: number;
  manifest?: string;
  failureCode?: string;
  failureMessage?: string;
}

function describe(arn: string, tableArnText: string, m: ExportMeta): ExportDescription {
  return {
    ExportArn: arn,
    ExportStatus: m.status,
    StartTime: new Date(m.start),
    ...(m.end !== undefined ? { EndTime: new Date(m.end) } : {}),
    ...(m.manifest ? { ExportManifest: m.manifest } : {}),
    TableArn: tableArnText,
    TableId: m.tableId,
    ExportTime: new Date(m.exportTime),
    ClientToken: m.clientToken,
    S3Bucket: m.bucket,
    ...(m.bucketOwner ? { S3BucketOwner: m.bucketOwner } : {}),
    ...(m.prefix !== undefined ? { S3Prefix: m.prefix } : {}),
    S3SseAlgorithm: (m.sseAlgorithm ?? 'AES256') as 'AES256',
    ...(m.sseKmsKeyId ? { S3SseKmsKeyId: m.sseKmsKeyId } : {}),
    ...(m.failureCode ? { FailureCode: m.failureCode, FailureMessage: m.failureMessage } : {}),
    ExportFormat: m.format,
    ...(m.billedSize !== undefined ? { BilledSizeBytes: m.billedSize } : {}),
    ...(m.itemCount !== undefined ? { ItemCount: m.itemCount } : {}),
    ExportType: m.type,
    ...(m.incremental
      ? { IncrementalExportSpecification: { ExportFromTime: new Date(m.incremental.from), ExportToTime: new Date(m.incremental.to), ExportViewType: m.incremental.viewType } }
      : {}),
  };
}

type ExportOperations = 'ExportTableToPointInTime' | 'DescribeExport' | 'ListExports';

export class ExportOps implements Pick<DynamoDBApi, ExportOperations> {
  private readonly recovery = new RecoveryStore();

  constructor(private readonly core: DynamoDbCore) {}

  async ExportTableToPointInTime(ctx: RequestContext, input: ExportTableToPointInTimeInput): Promise<ExportTableToPointInTimeOutput> {
    const { name } = parseTableArn(input.TableArn);
    const now = this.core.now();
    const t = await this.core.store.table(ctx.accountId, ctx.region, name);
    if (!t) throw new TableNotFoundException(`Table not found: ${name}`);
    if (!t.pitr) throw pitrUnavailable(name);
    const w = restorableWindow(t, now);
    const type = input.ExportType ?? 'FULL_EXPORT';
    let exportTime = now;
    let incremental: ExportMeta['incremental'];
    if (type === 'FULL_EXPORT') {
      if (input.IncrementalExportSpecification) throw validation('IncrementalExportSpecification can only be specified for an INCREMENTAL_EXPORT');
      if (input.ExportTime) {
        exportTime = input.ExportTime.getTime();
        if (!Number.isFinite(exportTime) || exportTime < w.earliest || exportTime > now) {
          throw new InvalidExportTimeException(`Invalid ExportTime: ExportTime must be within the point in time recovery window of the table (between ${new Date(w.earliest).toISOString()} and now)`);
        }
      }
    } else {
      const spec = input.IncrementalExportSpecification;
      if (!spec?.ExportFromTime || !spec.ExportToTime) throw validation('ExportFromTime and ExportToTime must be specified for an INCREMENTAL_EXPORT');
      if (input.ExportTime) throw validation('ExportTime cannot be specified for an INCREMENTAL_EXPORT');
      const from = spec.ExportFromTime.getTime();
      const to = spec.ExportToTime.getTime();
      if (!Number.isFinite(from) || !Number.isFinite(to) || from < w.earliest || to > now || from >= to) {
        throw new InvalidExportTimeException('Invalid export period: ExportFromTime and ExportToTime must be within the point in time recovery window, ExportFromTime before ExportToTime');
      }
      if (to - from < 15 * 60 * 1000 || to - from > 24 * 60 * 60 * 1000) {
        throw new InvalidExportTimeException('Invalid export period: the period must be between 15 minutes and 24 hours');
      }
      incremental = { from, to, viewType: spec.ExportViewType ?? 'NEW_AND_OLD_IMAGES' };
      exportTime = to;
    }
    const token = input.ClientToken ?? randomBytes(16).toString('hex');
    const digest = createHash('sha256')
      .update(JSON.stringify([input.TableArn, input.S3Bucket, input.S3BucketOwner, input.S3Prefix, input.S3SseAlgorithm, input.S3SseKmsKeyId, input.ExportFormat, type, input.ExportTime?.getTime(), incremental]))
      .digest('hex');
    const exportId = `${String(now).padStart(14, '0')}-${randomBytes(4).toString('hex')}`;
    const arn = `${tableArn(t)}/export/${exportId}`;
    const meta: ExportMeta = {
      exportId,
      tid: t.id,
      tableId: t.tableId,
      hash: t.hash.name,
      range: t.range?.name,
      status: 'IN_PROGRESS',
      start: now,
      exportTime,
      clientToken: token,
      digest,
      bucket: input.S3Bucket,
      bucketOwner: input.S3BucketOwner,
      prefix: input.S3Prefix,
      sseAlgorithm: input.S3SseAlgorithm,
      sseKmsKeyId: input.S3SseKmsKeyId,
      format: input.ExportFormat ?? 'DYNAMODB_JSON',
      type,
      incremental,
    };
    const out = await this.core.db.tx(async (tx) => {
      if (input.ClientToken !== undefined) {
        const prior = await this.recovery.transferByToken<ExportMeta>(tx, 'export', ctx.accountId, ctx.region, input.ClientToken);
        if (prior && now - prior.created < TOKEN_MS) {
          if (prior.meta.digest !== digest) {
            throw new ExportConflictException(`There was a conflict when writing to the specified S3 bucket: the ClientToken ${input.ClientToken} was used by another export request`);
          }
          return { arn: prior.arn, tableArn: prior.tableArn, meta: prior.meta };
        }
      }
      await this.recovery.insertTransfer(tx, { arn, kind: 'export', account: ctx.accountId, region: ctx.region, tableArn: tableArn(t), created: now, token, meta });
      await enqueue(tx, { kind: EXPORT_JOB, key: arn, account: ctx.accountId, region: ctx.region, dueAt: now, payload: {} }, now, 'keep');
      return { arn, tableArn: tableArn(t), meta };
    });
    this.core.platform.jobs.wake(EXPORT_JOB, now);
    return { ExportDescription: describe(out.arn, out.tableArn, out.meta) };
  }

  async DescribeExport(ctx: RequestContext, input: DescribeExportInput): Promise<DescribeExportOutput> {
    const row = await this.recovery.transfer<ExportMeta>(this.core.db, 'export', ctx.accountId, ctx.region, input.ExportArn);
    if (!row) throw new ExportNotFoundException(`Export not found: ${input.ExportArn}`);
    return { ExportDescription: describe(row.arn, row.tableArn, row.meta) };
  }

  async ListExports(ctx: RequestContext, input: ListExportsInput): Promise<ListExportsOutput> {
    const size = input.MaxResults ?? 25;
    const tableArnText = input.TableArn === undefined ? undefined : tableArn({ ...parseTableArn(input.TableArn) });
    const listing = listingOf('ListExports', ctx, tableArnText);
    let after: { created: number; arn: string } | undefined;
    if (input.NextToken !== undefined) {
      const key = decodePageToken(input.NextToken, listing);
      if (!key) throw validation('Invalid NextToken');
      after = { created: Number(key[0]), arn: String(key[1]) };
    }
    const rows = await this.recovery.listTransfers<ExportMeta>(this.core.db, 'export', ctx.accountId, ctx.region, tableArnText, after, size + 1);
    const page = pageOf(listing, rows, size, (r) => [r.created, r.arn]);
    return {
      ExportSummaries: page.items.map((r) => ({ ExportArn: r.arn, ExportStatus: r.meta.status, ExportType: r.meta.type })),
      ...(page.next ? { NextToken: page.next } : {}),
    };
  }
}

/** A stream body of one buffer, as the S3 service reads PutObject's body. */
function body(data: Buffer): BodyStream {
  return {
    length: data.length,
    async *[Symbol.asyncIterator]() {
      yield data;
    },
  };
}

/** 26 lowercase letters and digits, as AWS names export data files. */
function dataFileName(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(26)].map((b) => alphabet[b % alphabet.length]).join('');
}

function keysOf(m: ExportMeta, item: Item): Item {
  const k: Item = { [m.hash]: item[m.hash]! };
  if (m.range) k[m.range] = item[m.range]!;
  return k;
}

interface DataFile {
  itemCount: number;
  md5Checksum: string;
  etag: string;
  dataFileS3Key: string;
}

/** Runs the export jobs: writes the files, then records the export COMPLETED (or FAILED). */
export class ExportWriter {
  private readonly recovery = new RecoveryStore();

  constructor(private readonly core: DynamoDbCore) {}

  readonly run = async (job: Job<Record<string, never>>): Promise<JobOutcome> => {
    const row = await this.recovery.transfer<ExportMeta>(this.core.db, 'export', job.account, job.region, job.key);
    if (!row || row.meta.status !== 'IN_PROGRESS') return { then: 'done' };
    const m = row.meta;
    let result: Partial<ExportMeta>;
    try {
      result = await this.write(row.arn, row.tableArn, job, m);
    } catch (e) {
      const err = e as AwsError;
      if (typeof err.code !== 'string') throw e;
      result = { status: 'FAILED', failureCode: err.code === 'NoSuchBucket' ? 'S3NoSuchBucket' : err.code, failureMessage: err.message };
    }
    await this.core.db.tx((tx) => this.recovery.saveTransfer(tx, row.arn, { ...m, ...result, end: this.core.now() }));
    return { then: 'done' };
  };

  private async write(arn: string, tableArnText: string, job: Job<Record<string, never>>, m: ExportMeta): Promise<Partial<ExportMeta>> {
    const s3 = serviceClient<S3Api>(this.core.platform, 's3', { accountId: job.account, region: job.region });
    if (!s3) return { status: 'FAILED', failureCode: 'S3NoSuchBucket', failureMessage: 'The specified bucket does not exist' };
    const base = `${m.prefix ? `${m.prefix.replace(/\/+$/, '')}/` : ''}AWSDynamoDB/${m.exportId}`;
    const put = async (key: string, data: Buffer) => (await s3.PutObject({ Bucket: m.bucket, Key: key, Body: body(data) as unknown as Buffer })).ETag ?? '';
    await put(`${base}/_started`, Buffer.alloc(0));
    const ext = m.format === 'ION' ? 'ion.gz' : 'json.gz';
    const files: DataFile[] = [];
    let lines: string[] = [];
    let fileBytes = 0;
    let itemCount = 0;
    let billed = 0;
    const flush = async (force: boolean) => {
      if (!lines.length && !(force && files.length === 0)) return;
      const gzipped = await gz(Buffer.from(lines.length ? `${lines.join('\n')}\n` : '', 'utf8'));
      const key = `${base}/data/${dataFileName()}.${ext}`;
      const etag = (await put(key, gzipped)).replace(/"/g, '');
      files.push({ itemCount: lines.length, md5Checksum: createHash('md5').update(gzipped).digest('base64'), etag, dataFileS3Key: key });
      lines = [];
      fileBytes = 0;
    };
    let after: EncodedKey | undefined;
    for (;;) {
      const rows = m.incremental
        ? await this.recovery.changesBetween(this.core.db, m.tid, m.incremental.from, m.incremental.to, after, BATCH)
        : await this.recovery.stateAt(this.core.db, m.tid, m.exportTime, after, BATCH);
      for (const r of rows) {
        const line = m.incremental ? this.changeLine(m, r as unknown as { at: number; item: string | null; old: string | null }) : this.itemLine(m, r.item);
        if (line === undefined) continue;
        lines.push(line);
        const n = Buffer.byteLength(line);
        billed += n;
        fileBytes += n;
        itemCount++;
        if (lines.length >= FILE_ITEMS || fileBytes >= FILE_BYTES) await flush(false);
      }
      if (rows.length < BATCH) break;
      const last = rows[rows.length - 1]!;
      after = { pk: last.pk, sk: last.sk };
    }
    await flush(true);
    const filesJson = Buffer.from(files.map((f) => JSON.stringify(f)).join('\n') + '\n', 'utf8');
    await put(`${base}/manifest-files.json`, filesJson);
    await put(`${base}/manifest-files.checksum`, Buffer.from(createHash('md5').update(filesJson).digest('hex')));
    const end = this.core.now();
    const summary = Buffer.from(
      JSON.stringify({
        version: '2020-06-30',
        exportArn: arn,
        startTime: new Date(m.start).toISOString(),
        endTime: new Date(end).toISOString(),
        tableArn: tableArnText,
        tableId: m.tableId,
        exportTime: new Date(m.exportTime).toISOString(),
        s3Bucket: m.bucket,
        s3Prefix: m.prefix ?? null,
        s3SseAlgorithm: m.sseAlgorithm ?? 'AES256',
        s3SseKmsKeyId: m.sseKmsKeyId ?? null,
        manifestFilesS3Key: `${base}/manifest-files.json`,
        billedSizeBytes: billed,
        itemCount,
        outputFormat: m.format,
        exportType: m.type,
      }),
      'utf8',
    );
    await put(`${base}/manifest-summary.json`, summary);
    await put(`${base}/manifest-summary.checksum`, Buffer.from(createHash('md5').update(summary).digest('hex')));
    return { status: 'COMPLETED', itemCount, billedSize: billed, manifest: `${base}/manifest-summary.json` };
  }

  /** A full export's line for an item (none for a key deleted by then). */
  private itemLine(m: ExportMeta, json: string | null): string | undefined {
    if (json === null) return undefined;
    return m.format === 'ION' ? ionLine(JSON.parse(json) as Item) : `{"Item":${json}}`;
  }

  /** An incremental export's line: the key's last change in the period, with its images. */
  private changeLine(m: ExportMeta, r: { at: number; item: string | null; old: string | null }): string | undefined {
    const item = r.item === null ? undefined : (JSON.parse(r.item) as Item);
    const old = r.old === null ? undefined : (JSON.parse(r.old) as Item);
    if (!item && !old) return undefined;
    const keys = keysOf(m, (item ?? old)!);
    const micros = String(Number(r.at) * 1000);
    const withOld = m.incremental!.viewType === 'NEW_AND_OLD_IMAGES' && old;
    if (m.format === 'ION') {
      return `$ion_1_0 {Metadata:{WriteTimestampMicros:${micros}},Keys:${ionStruct(keys)}${item ? `,NewImage:${ionStruct(item)}` : ''}${withOld ? `,OldImage:${ionStruct(old)}` : ''}}`;
    }
    return JSON.stringify({ Metadata: { WriteTimestampMicros: { N: micros } }, Keys: keys, ...(item ? { NewImage: item } : {}), ...(withOld ? { OldImage: old } : {}) });
  }
}

