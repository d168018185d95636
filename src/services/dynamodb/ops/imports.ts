/**
 * Imports from S3: ImportTable, DescribeImport, ListImports, and the `dynamodb.import` job.
 *
 * ImportTable creates the table (CREATING, as AWS shows it during an import) with the import's
 * record in one transaction, then the job reads every object under the S3 key prefix through the
 * S3 service, streamed (gunzipped when asked) line by line: DynamoDB JSON (`{"Item":{...}}`), Ion
 * (`$ion_1_0 {Item:{...}}`, one item a line, as exports write it) or CSV (header line or
 * HeaderList; key attributes typed from AttributeDefinitions, other values strings). Items are
 * written 500 to a transaction with their indexes. A line that is not an item, or an item the table
 * refuses, counts in ErrorCount and is logged to CloudWatch Logs (`/aws-dynamodb/imports`). At the
 * end the table turns ACTIVE and the import COMPLETED; an import that cannot read its source
 * (no such bucket) ends FAILED and its table is deleted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import type { JobOutcome } from '../../../jobs/index.js';
import { enqueue, type Job } from '../../../jobs/queue.js';
import {
  ImportConflictException,
  ImportNotFoundException,
  ResourceInUseException,
  type DescribeImportInput,
  type DescribeImportOutput,
  type DynamoDBApi,
  type ImportSummary,
  type ImportTableDescription,
  type ImportTableInput,
  type ImportTableOutput,
  type ListImportsInput,
  type ListImportsOutput,
} from '../../../generated/dynamodb.js';
import type { S3Api } from '../../../generated/s3.js';
import { decodePageToken, listingOf, pageOf } from '../../../storage/paginate.js';
import { serviceClient, type ServiceClient } from '../../clients.js';
import type { DynamoDbCore } from '../core.js';
import { checkIndexAttrs, itemKey } from '../keys.js';
import { RecoveryStore } from '../recovery-store.js';
import { parseItem } from '../request.js';
import { buildTable, parseTableArn, tableArn, type TableMeta } from '../tables.js';
import { csvFields, csvOpenQuote, ionItems } from '../transfer-formats.js';
import { checkItem, itemSize, MAX_ITEM_SIZE, validation, type Item } from '../values.js';

export const IMPORT_JOB = 'dynamodb.import';
const LOG_GROUP = '/aws-dynamodb/imports';
/** A table being imported stays CREATING until the import ends (the latest time a Date holds). */
const PENDING = 8.64e15;
const BATCH = 500;
/** A batch also ends after this much input (the table's other writes wait for no longer). */
const BATCH_BYTES = 1024 * 1024;
const TOKEN_MS = 8 * 60 * 60 * 1000;

export interface ImportMeta {
  importId: string;
  tableName: string;
  tableId: string;
  status: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  start: number;
  end?: number;
  clientToken: string;
  digest: string;
  input: Omit<ImportTableInput, 'ClientToken'>;
  errorCount: number;
  processedItems: number;
  processedBytes: number;
  importedItems: number;
  failureCode?: string;
  failureMessage?: string;
}

function logGroupArn(account: string, region: string): string {
  return `arn:aws:logs:${region}:${account}:log-group:${LOG_GROUP}:*`;
}

function describe(arn: string, account: string, region: string, tableArnText: string, m: ImportMeta): ImportTableDescription {
  return {
    ImportArn: arn,
    ImportStatus: m.status,
    TableArn: tableArnText,
    TableId: m.tableId,
    ClientToken: m.clientToken,
    S3BucketSource: m.input.S3BucketSource,
    ErrorCount: m.errorCount,
    CloudWatchLogGroupArn: logGroupArn(account, region),
    InputFormat: m.input.InputFormat,
    ...(m.input.InputFormatOptions ? { InputFormatOptions: m.input.InputFormatOptions } : {}),
    InputCompressionType: m.input.InputCompressionType ?? 'NONE',
    TableCreationParameters: m.input.TableCreationParameters,
    StartTime: new Date(m.start),
    ...(m.end !== undefined ? { EndTime: new Date(m.end) } : {}),
    ProcessedSizeBytes: m.processedBytes,
    ProcessedItemCount: m.processedItems,
    ImportedItemCount: m.importedItems,
    ...(m.failureCode ? { FailureCode: m.failureCode, FailureMessage: m.failureMessage } : {}),
  };
}

type ImportOperations = 'ImportTable' | 'DescribeImport' | 'ListImports';

export class ImportOps implements Pick<DynamoDBApi, ImportOperations> {
  private readonly recovery = new RecoveryStore();

  constructor(private readonly core: DynamoDbCore) {}

  async ImportTable(ctx: RequestContext, input: ImportTableInput): Promise<ImportTableOutput> {
    if (input.InputCompressionType === 'ZSTD') throw validation('Stratus does not support ZSTD input compression yet');
    if (input.InputFormatOptions?.Csv && input.InputFormat !== 'CSV') throw validation('InputFormatOptions.Csv can only be specified when InputFormat is CSV');
    const now = this.core.now();
    const params = input.TableCreationParameters;
    const meta = buildTable(params, { account: ctx.accountId, region: ctx.region, now, tableId: randomBytesUuid(), activeAt: PENDING });
    const { ClientToken: _token, ...rest } = input;
    const digest = createHash('sha256').update(JSON.stringify(rest)).digest('hex');
    const token = input.ClientToken ?? randomBytes(16).toString('hex');
    const importId = `${String(now).padStart(14, '0')}-${randomBytes(4).toString('hex')}`;
    const arn = `${tableArn(meta)}/import/${importId}`;
    const store = this.core.store;
    const out = await this.core.db.tx(async (tx) => {
      if (input.ClientToken !== undefined) {
        const prior = await this.recovery.transferByToken<ImportMeta>(tx, 'import', ctx.accountId, ctx.region, input.ClientToken);
        if (prior && now - prior.created < TOKEN_MS) {
          if (prior.meta.digest !== digest) {
            throw new ImportConflictException(
              'There was a conflict when importing from the specified S3 source. This can occur when the current import conflicts with a previous import request that had the same client token.',
            );
          }
          return { arn: prior.arn, tableArn: prior.tableArn, meta: prior.meta, table: undefined };
        }
      }
      if (await store.tableExists(tx, ctx.accountId, ctx.region, meta.name)) throw new ResourceInUseException(`Table already exists: ${meta.name}`);
      const t: TableMeta = { ...meta, id: await store.nextId(tx) };
      await store.insertTable(tx, t);
      const m: ImportMeta = {
        importId,
        tableName: t.name,
        tableId: t.tableId,
        status: 'IN_PROGRESS',
        start: now,
        clientToken: token,
        digest,
        input: rest,
        errorCount: 0,
        processedItems: 0,
        processedBytes: 0,
        importedItems: 0,
      };
      await this.recovery.insertTransfer(tx, { arn, kind: 'import', account: ctx.accountId, region: ctx.region, tableArn: tableArn(t), created: now, token, meta: m });
      await enqueue(tx, { kind: IMPORT_JOB, key: arn, account: ctx.accountId, region: ctx.region, dueAt: now, payload: {} }, now, 'keep');
      return { arn, tableArn: tableArn(t), meta: m, table: t };
    });
    if (out.table) store.cacheTable(out.table);
    this.core.platform.jobs.wake(IMPORT_JOB, now);
    return { ImportTableDescription: describe(out.arn, ctx.accountId, ctx.region, out.tableArn, out.meta) };
  }

  async DescribeImport(ctx: RequestContext, input: DescribeImportInput): Promise<DescribeImportOutput> {
    const row = await this.recovery.transfer<ImportMeta>(this.core.db, 'import', ctx.accountId, ctx.region, input.ImportArn);
    if (!row) throw new ImportNotFoundException(`Import not found: ${input.ImportArn}`);
    return { ImportTableDescription: describe(row.arn, row.account, row.region, row.tableArn, row.meta) };
  }

  async ListImports(ctx: RequestContext, input: ListImportsInput): Promise<ListImportsOutput> {
    const size = input.PageSize ?? 25;
    const tableArnText = input.TableArn === undefined ? undefined : tableArn({ ...parseTableArn(input.TableArn) });
    const listing = listingOf('ListImports', ctx, tableArnText);
    let after: { created: number; arn: string } | undefined;
    if (input.NextToken !== undefined) {
      const key = decodePageToken(Buffer.from(input.NextToken.replace(/(00)+$/, ''), 'hex').toString('utf8'), listing);
      if (!key) throw validation('Invalid NextToken');
      after = { created: Number(key[0]), arn: String(key[1]) };
    }
    const rows = await this.recovery.listTransfers<ImportMeta>(this.core.db, 'import', ctx.accountId, ctx.region, tableArnText, after, size + 1);
    const page = pageOf(listing, rows, size, (r) => [r.created, r.arn]);
    return {
      ImportSummaryList: page.items.map(
        (r): ImportSummary => ({
          ImportArn: r.arn,
          ImportStatus: r.meta.status,
          TableArn: r.tableArn,
          S3BucketSource: r.meta.input.S3BucketSource,
          CloudWatchLogGroupArn: logGroupArn(r.account, r.region),
          InputFormat: r.meta.input.InputFormat,
          StartTime: new Date(r.meta.start),
          ...(r.meta.end !== undefined ? { EndTime: new Date(r.meta.end) } : {}),
        }),
      ),
      ...(page.next ? { NextToken: importToken(page.next) } : {}),
    };
  }
}

/** A page token in the form the model requires of ListImports' (hex, 112+ characters, a multiple of 16), zero-padded. */
function importToken(token: string): string {
  let hex = Buffer.from(token, 'utf8').toString('hex');
  const length = Math.max(112, Math.ceil(hex.length / 16) * 16);
  hex = hex.padEnd(length, '0');
  return hex;
}

function randomBytesUuid(): string {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A line's item, or the error message that refuses it. */
type Parsed = Item | string;

/** Reads CSV lines into items: the header (or HeaderList) names the columns; key attributes get their type. */
class CsvItems {
  private header: string[] | undefined;
  private pending = '';

  constructor(
    private readonly t: TableMeta,
    private readonly delimiter: string,
    headerList: string[] | undefined,
  ) {
    this.header = headerList;
  }

  /** At the end of the object: a record left open (a quote never closed) is an error. */
  end(): string | undefined {
    if (!this.pending) return undefined;
    this.pending = '';
    return 'Unable to parse CSV record: a quoted field is not closed';
  }

  /** The item of a line; undefined when the line is a header or continues a quoted field. */
  line(text: string): Parsed | undefined {
    const record = this.pending ? `${this.pending}\n${text}` : text;
    if (csvOpenQuote(record)) {
      this.pending = record;
      return undefined;
    }
    this.pending = '';
    const fields = csvFields(record, this.delimiter);
    if (!fields) return 'Unable to parse CSV record';
    if (!this.header) {
      this.header = fields;
      return undefined;
    }
    if (fields.length !== this.header.length) return `The number of fields (${fields.length}) does not match the header (${this.header.length})`;
    const types = new Map(this.t.attributeDefinitions.map((d) => [d.AttributeName, d.AttributeType]));
    const item: Item = {};
    this.header.forEach((name, i) => {
      const v = fields[i]!;
      const type = types.get(name);
      if (type === 'N') item[name] = { N: v };
      else if (type === 'B') item[name] = { B: v };
      else if (v !== '' || type) item[name] = { S: v };
    });
    return item;
  }
}

/** Runs the import jobs. */
export class ImportReader {
  private readonly recovery = new RecoveryStore();

  constructor(private readonly core: DynamoDbCore) {}

  readonly run = async (job: Job<Record<string, never>>): Promise<JobOutcome> => {
    const row = await this.recovery.transfer<ImportMeta>(this.core.db, 'import', job.account, job.region, job.key);
    if (!row || row.meta.status !== 'IN_PROGRESS') return { then: 'done' };
    const m: ImportMeta = { ...row.meta, errorCount: 0, processedItems: 0, processedBytes: 0, importedItems: 0 };
    const t = await this.core.store.loadTable(this.core.db, job.account, job.region, m.tableName);
    if (!t || t.tableId !== m.tableId) {
      await this.finish(row.arn, { ...m, status: 'FAILED', failureCode: 'TableNotFound', failureMessage: `Table not found: ${m.tableName}` }, undefined);
      return { then: 'done' };
    }
    try {
      await this.read(job, row.arn, t, m);
    } catch (e) {
      const err = e as AwsError;
      if (typeof err.code !== 'string') throw e;
      await this.finish(row.arn, { ...m, status: 'FAILED', failureCode: err.code, failureMessage: err.message }, t);
      return { then: 'done' };
    }
    await this.finish(row.arn, { ...m, status: 'COMPLETED' }, t);
    return { then: 'done' };
  };

  /** Records the outcome; a completed import's table turns ACTIVE, a failed one's is deleted. */
  private async finish(arn: string, m: ImportMeta, t: TableMeta | undefined): Promise<void> {
    const now = this.core.now();
    const store = this.core.store;
    const table = await this.core.db.tx(async (tx) => {
      await this.recovery.saveTransfer(tx, arn, { ...m, end: now });
      if (!t) return undefined;
      const current = await store.loadTable(tx, t.account, t.region, t.name);
      if (!current || current.tableId !== t.tableId) return undefined;
      if (m.status === 'FAILED') {
        await store.deleteTable(tx, current);
        return { deleted: current };
      }
      current.activeAt = now;
      for (const g of current.gsis) g.activeAt = now;
      for (const l of current.lsis) l.activeAt = now;
      await store.saveTable(tx, current);
      return { saved: current };
    });
    if (table?.deleted) store.forgetTable(table.deleted);
    if (table?.saved) store.cacheTable(table.saved);
  }

  private async read(job: Job<Record<string, never>>, arn: string, t: TableMeta, m: ImportMeta): Promise<void> {
    const s3 = serviceClient<S3Api>(this.core.platform, 's3', { accountId: job.account, region: job.region });
    const src = m.input.S3BucketSource;
    if (!s3) throw Object.assign(new Error('The specified bucket does not exist'), { code: 'NoSuchBucket' });
    let token: string | undefined;
    do {
      const page = await s3.ListObjectsV2({ Bucket: src.S3Bucket, Prefix: src.S3KeyPrefix, ContinuationToken: token });
      for (const obj of page.Contents ?? []) {
        if (!obj.Key || obj.Key.endsWith('/')) continue;
        m.processedBytes += Number(obj.Size ?? 0);
        await this.readObject(s3, arn, t, m, obj.Key);
        // Progress, as DescribeImport shows it while the import runs.
        await this.core.db.tx((tx) => this.recovery.saveTransfer(tx, arn, m));
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    await this.core.db.tx((tx) => this.recovery.saveTransfer(tx, arn, m));
  }

  private async readObject(s3: ServiceClient<S3Api>, arn: string, t: TableMeta, m: ImportMeta, key: string): Promise<void> {
    const got = await s3.GetObject({ Bucket: m.input.S3BucketSource.S3Bucket, Key: key });
    const raw = got.Body as unknown;
    let stream: Readable = Buffer.isBuffer(raw) ? Readable.from([raw]) : Readable.from(raw as AsyncIterable<Uint8Array>);
    if (m.input.InputCompressionType === 'GZIP') stream = pipeline(stream, createGunzip(), () => {});
    const csv = m.input.InputFormat === 'CSV' ? new CsvItems(t, m.input.InputFormatOptions?.Csv?.Delimiter ?? ',', m.input.InputFormatOptions?.Csv?.HeaderList) : undefined;
    let batch: { item: Item; index: number }[] = [];
    let batchBytes = 0;
    const errors: [number, string][] = [];
    let index = 0;
    const logError = (i: number, message: string) => {
      m.errorCount++;
      errors.push([i, JSON.stringify({ itemS3Pointer: { bucket: m.input.S3BucketSource.S3Bucket, key, itemIndex: i }, importArn: arn, errorMessages: [message] })]);
    };
    const putErrors = () => {
      if (!errors.length) return;
      this.core.platform.logs.put({
        accountId: t.account,
        region: t.region,
        logGroupName: LOG_GROUP,
        logStreamName: m.importId,
        events: errors.sort((a, b) => a[0] - b[0]).map(([, message]) => ({ timestamp: this.core.now(), message })),
      });
      errors.length = 0;
    };
    const flush = async () => {
      if (!batch.length) return;
      const refused = await this.write(t, batch);
      for (const [i, message] of refused) logError(i, message);
      m.importedItems += batch.length - refused.length;
      batch = [];
      batchBytes = 0;
    };
    try {
      for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
        if (!csv && line.trim() === '') continue;
        const parsed: Parsed | undefined = csv ? csv.line(line) : m.input.InputFormat === 'ION' ? ionLineItem(line) : jsonLineItem(line);
        if (parsed === undefined) continue;
        const i = index++;
        m.processedItems++;
        if (typeof parsed === 'string') logError(i, parsed);
        else {
          batch.push({ item: parsed, index: i });
          batchBytes += line.length;
        }
        if (batch.length >= BATCH || batchBytes >= BATCH_BYTES) await flush();
        if (errors.length >= 1000) putErrors();
      }
      const open = csv?.end();
      if (open !== undefined) {
        m.processedItems++;
        logError(index++, open);
      }
    } catch (e) {
      if ((e as { code?: string }).code === 'Z_DATA_ERROR' || (e as { code?: string }).code === 'Z_BUF_ERROR') logError(index, `Unable to decompress the object: ${(e as Error).message}`);
      else throw e;
    }
    await flush();
    putErrors();
  }

  /** Writes items in one transaction; returns the ones refused (line index, message). */
  private async write(t: TableMeta, batch: { item: Item; index: number }[]): Promise<[number, string][]> {
    const store = this.core.store;
    return this.core.db.tx(async (tx) => {
      const refused: [number, string][] = [];
      for (const { item: raw, index } of batch) {
        try {
          const item = checkItem(raw);
          const k = itemKey(t, item);
          checkIndexAttrs(t, item);
          const size = itemSize(item);
          if (size > MAX_ITEM_SIZE) throw validation('Item size has exceeded the maximum allowed size');
          const prior = t.gsis.length || t.lsis.length ? await store.getRow(tx, t, k) : undefined;
          await store.put(tx, t, k, item, JSON.stringify(item), size, prior && parseItem(prior.item));
        } catch (e) {
          if (typeof (e as AwsError).code !== 'string') throw e;
          refused.push([index, (e as Error).message]);
        }
      }
      return refused;
    });
  }
}

function jsonLineItem(line: string): Parsed {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch {
    return 'Unexpected token: the line is not a JSON document';
  }
  const item = (doc as { Item?: unknown } | null)?.Item;
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return 'Item must be an object: {"Item": {...}}';
  return item as Item;
}

function ionLineItem(line: string): Parsed | undefined {
  let first: Item | Error | undefined;
  for (const v of ionItems(line)) {
    first = v;
    break;
  }
  if (first === undefined) return undefined;
  return first instanceof Error ? first.message : first;
}

