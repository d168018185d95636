/**
 * A distributed Map's ItemReader and ResultWriter over S3. The reader takes the items from one object
 * (`s3:getObject`: a JSON array, JSON Lines, or CSV with its header row or given headers) or from a
 * listing (`s3:listObjectsV2`: one item per object, `{Etag, Key, LastModified, Size, StorageClass}`),
 * at most ReaderConfig.MaxItems. The writer puts the map run's results as AWS lays them out:
 * `{Prefix}/{map run id}/manifest.json` and `SUCCEEDED_0.json` / `FAILED_0.json` / `PENDING_0.json`.
 * S3 is called through the execution's task runner as AWS SDK integrations, so these work wherever
 * Task states can call S3.
 */
import { StatesError } from '../errors.js';
import type { ExecutionInfo, TaskCall, TaskRunner } from '../types.js';

export interface S3Caller {
  tasks: TaskRunner | undefined;
  info: ExecutionInfo;
  stateName: string;
  signal: AbortSignal;
}

/** One child execution of a map run, as the result files record it. */
export interface ChildRecord {
  name: string;
  input: unknown;
  status: 'SUCCEEDED' | 'FAILED';
  output?: unknown;
  error?: string;
  cause?: string;
  start: number;
  stop: number;
}

async function callS3(c: S3Caller, action: string, parameters: Record<string, unknown>, failure: string): Promise<Record<string, any>> {
  if (!c.tasks) throw new StatesError('States.Runtime', 'S3 is not available to this execution');
  const call: TaskCall = {
    resource: `arn:aws:states:::aws-sdk:s3:${action}`,
    parameters,
    stateName: c.stateName,
    execution: c.info,
    taskToken: undefined,
    heartbeatSeconds: undefined,
    timeoutSeconds: undefined,
    durable: false,
    onStarted: () => undefined,
    onSubmitted: () => undefined,
    onWaiting: () => undefined,
    onHeartbeat: () => undefined,
    signal: c.signal,
  };
  try {
    return (await c.tasks.run(call)) as Record<string, any>;
  } catch (e) {
    if (e instanceof StatesError) throw new StatesError(failure, `${e.error}: ${e.cause ?? ''}`);
    throw e;
  }
}

/** The items an ItemReader names (its Parameters or Arguments already evaluated). */
export async function readItems(c: S3Caller, resource: string, parameters: Record<string, unknown>, config: Record<string, unknown>): Promise<unknown[]> {
  const max = typeof config.MaxItems === 'number' && config.MaxItems > 0 ? config.MaxItems : Infinity;
  const action = /^arn:[^:]+:states:::s3:([A-Za-z0-9]+)$/.exec(resource)?.[1];
  if (action === 'listObjectsV2') {
    const items: unknown[] = [];
    let token: string | undefined;
    do {
      const page = await callS3(c, 'listObjectsV2', { ...parameters, ...(token ? { ContinuationToken: token } : {}) }, 'States.ItemReaderFailed');
      for (const o of (page.Contents ?? []) as Record<string, any>[]) {
        if (items.length >= max) break;
        items.push({ Etag: o.ETag, Key: o.Key, LastModified: Math.floor(Date.parse(o.LastModified) / 1000), Size: o.Size, StorageClass: o.StorageClass ?? 'STANDARD' });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token && items.length < max);
    return items;
  }
  if (action !== 'getObject') throw new StatesError('States.ItemReaderFailed', `The resource ${resource} is not a supported ItemReader`);
  const body = String((await callS3(c, 'getObject', parameters, 'States.ItemReaderFailed')).Body ?? '');
  const inputType = String(config.InputType ?? 'JSON');
  let items: unknown[];
  switch (inputType) {
    case 'JSON': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        throw new StatesError('States.ItemReaderFailed', 'Attempting to map over non-iterable node.');
      }
      if (!Array.isArray(parsed)) throw new StatesError('States.ItemReaderFailed', 'Attempting to map over non-iterable node.');
      items = parsed;
      break;
    }
    case 'JSONL':
      items = body.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          throw new StatesError('States.ItemReaderFailed', `Invalid JSON Lines content: ${line.slice(0, 100)}`);
        }
      });
      break;
    case 'CSV':
      items = csvItems(body, config);
      break;
    default:
      throw new StatesError('States.ItemReaderFailed', `The ReaderConfig InputType ${inputType} is not supported by Stratus`);
  }
  return items.slice(0, max);
}

const DELIMITERS: Record<string, string> = { COMMA: ',', PIPE: '|', SEMICOLON: ';', SPACE: ' ', TAB: '\t' };

/** CSV rows as objects keyed by the header row (or CSVHeaders), every value a string. */
function csvItems(body: string, config: Record<string, unknown>): Record<string, string>[] {
  const rows = parseCsv(body, DELIMITERS[String(config.CSVDelimiter ?? 'COMMA')] ?? ',');
  const given = config.CSVHeaderLocation === 'GIVEN';
  const headers = given ? ((config.CSVHeaders as string[] | undefined) ?? []) : (rows.shift() ?? []);
  return rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ''])));
}

/** RFC 4180 CSV: quoted fields with doubled quotes, CRLF or LF rows; a blank last line is dropped. */
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Writes the map run's result files and manifest; the Map state's output names them. */
export async function writeResults(
  c: S3Caller,
  parameters: Record<string, unknown>,
  mapRunArn: string,
  children: readonly ChildRecord[],
): Promise<{ MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } }> {
  const bucket = String(parameters.Bucket ?? '');
  const prefix = typeof parameters.Prefix === 'string' && parameters.Prefix !== '' ? `${parameters.Prefix.replace(/\/$/, '')}/` : '';
  const runId = mapRunArn.slice(mapRunArn.lastIndexOf(':') + 1);
  const childPrefix = mapRunArn.replace(':mapRun:', ':execution:').slice(0, mapRunArn.replace(':mapRun:', ':execution:').lastIndexOf(':'));
  const stateMachineArn = childPrefix.replace(':execution:', ':stateMachine:');
  const files: Record<'SUCCEEDED' | 'FAILED' | 'PENDING', { Key: string; Size: number }[]> = { FAILED: [], PENDING: [], SUCCEEDED: [] };
  for (const status of ['SUCCEEDED', 'FAILED'] as const) {
    const records = children.filter((r) => r.status === status).map((r) => ({
      ExecutionArn: `${childPrefix}:${r.name}`,
      Input: JSON.stringify(r.input),
      InputDetails: { Included: true },
      Name: r.name,
      ...(status === 'SUCCEEDED' ? { Output: JSON.stringify(r.output), OutputDetails: { Included: true } } : { Error: r.error, Cause: r.cause }),
      RedriveCount: 0,
      RedriveStatus: status === 'SUCCEEDED' ? 'NOT_REDRIVABLE' : 'REDRIVABLE',
      ...(status === 'SUCCEEDED' ? { RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven' } : {}),
      StartDate: new Date(r.start).toISOString(),
      StateMachineArn: stateMachineArn,
      Status: status,
      StopDate: new Date(r.stop).toISOString(),
    }));
    if (records.length === 0) continue;
    const key = `${prefix}${runId}/${status}_0.json`;
    const text = JSON.stringify(records);
    await callS3(c, 'putObject', { Bucket: bucket, Key: key, Body: text }, 'States.ResultWriterFailed');
    files[status].push({ Key: key, Size: Buffer.byteLength(text) });
  }
  const manifestKey = `${prefix}${runId}/manifest.json`;
  const manifest = { DestinationBucket: bucket, MapRunArn: mapRunArn, ResultFiles: files };
  await callS3(c, 'putObject', { Bucket: bucket, Key: manifestKey, Body: JSON.stringify(manifest) }, 'States.ResultWriterFailed');
  return { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: bucket, Key: manifestKey } };
}
