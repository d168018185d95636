/**
 * AWS service integrations of HTTP APIs (AWS_PROXY with an IntegrationSubtype, "first-class
 * integrations"): the route's request is mapped into the parameters of one service action, which
 * API Gateway calls for the client, and the action's answer is the route's answer.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html
 */
import { randomUUID } from 'node:crypto';
import { isAwsError } from '../../../aws/errors.js';
import { toJsonValue } from '../../../aws/protocols/values.js';
import type { ServiceIndex } from '../../../aws/service-index.js';
import { serviceClient } from '../../clients.js';
import type { OperationHandler, Platform } from '../../service.js';
import { BadRequestException } from '../../../generated/apigatewayv2.js';
import type { IntegrationDoc } from '../types.js';
import { jsonReply, type GatewayReply, type HttpCall } from './events.js';
import { renderSelection } from './mapping.js';

interface Subtype {
  /** The Stratus service folder that serves the action; undefined where Stratus serves no such service. */
  service?: string;
  operation: string;
  required: readonly string[];
  optional: readonly string[];
  /** Wraps the flat parameters into the action's input where the action's input is not flat. */
  wrap?: (params: Record<string, unknown>) => Record<string, unknown>;
  /** SQS answers in the JSON rendering of its query API, the form API Gateway passes on. */
  queryJson?: boolean;
}

/** The subtypes of the reference, each with its required and optional parameters (Region on every one). */
export const SUBTYPES: Readonly<Record<string, Subtype>> = {
  'EventBridge-PutEvents': {
    service: 'events',
    operation: 'PutEvents',
    required: ['Detail', 'DetailType', 'Source'],
    optional: ['Time', 'EventBusName', 'Resources', 'Region', 'TraceHeader'],
    wrap: (p) => ({ Entries: [p] }),
  },
  'SQS-SendMessage': {
    service: 'sqs',
    operation: 'SendMessage',
    required: ['QueueUrl', 'MessageBody'],
    optional: ['DelaySeconds', 'MessageAttributes', 'MessageDeduplicationId', 'MessageGroupId', 'MessageSystemAttributes', 'Region'],
    queryJson: true,
  },
  'SQS-ReceiveMessage': {
    service: 'sqs',
    operation: 'ReceiveMessage',
    required: ['QueueUrl'],
    optional: ['AttributeNames', 'MaxNumberOfMessages', 'MessageAttributeNames', 'ReceiveRequestAttemptId', 'VisibilityTimeout', 'WaitTimeSeconds', 'Region'],
    queryJson: true,
  },
  'SQS-DeleteMessage': { service: 'sqs', operation: 'DeleteMessage', required: ['ReceiptHandle', 'QueueUrl'], optional: ['Region'], queryJson: true },
  'SQS-PurgeQueue': { service: 'sqs', operation: 'PurgeQueue', required: ['QueueUrl'], optional: ['Region'], queryJson: true },
  'AppConfig-GetConfiguration': {
    operation: 'GetConfiguration',
    required: ['Application', 'Environment', 'Configuration', 'ClientId'],
    optional: ['ClientConfigurationVersion', 'Region'],
  },
  'Kinesis-PutRecord': {
    service: 'kinesis',
    operation: 'PutRecord',
    required: ['StreamName', 'Data', 'PartitionKey'],
    optional: ['SequenceNumberForOrdering', 'ExplicitHashKey', 'Region'],
  },
  'StepFunctions-StartExecution': { service: 'stepfunctions', operation: 'StartExecution', required: ['StateMachineArn'], optional: ['Name', 'Input', 'Region'] },
  'StepFunctions-StartSyncExecution': {
    service: 'stepfunctions',
    operation: 'StartSyncExecution',
    required: ['StateMachineArn'],
    optional: ['Name', 'Input', 'Region', 'TraceHeader'],
  },
  'StepFunctions-StopExecution': { service: 'stepfunctions', operation: 'StopExecution', required: ['ExecutionArn'], optional: ['Cause', 'Error', 'Region'] },
};

const SOURCE = /^\$(request\.(header|querystring|path)\.[^\s]+|request\.body(\.[^\s]*)?|context\.[A-Za-z0-9_.-]+|stageVariables\.[A-Za-z0-9_]+)$/;

function invalid(errors: string[]): BadRequestException {
  return new BadRequestException(`Invalid selection expression specified: Validation Result: warnings : [], errors : [${errors.join(', ')}]`);
}

/** The checks CreateIntegration and UpdateIntegration make of an AWS service integration of an HTTP API. */
export function checkServiceIntegration(i: IntegrationDoc): void {
  const subtype = SUBTYPES[i.IntegrationSubtype!];
  if (!subtype) throw new BadRequestException(`Integration subtype ${i.IntegrationSubtype} is not valid. Valid subtypes: [${Object.keys(SUBTYPES).join(', ')}]`);
  if (i.PayloadFormatVersion !== undefined && i.PayloadFormatVersion !== '1.0') throw new BadRequestException('PayloadFormatVersion must be 1.0 for AWS service integrations.');
  i.PayloadFormatVersion = '1.0';
  const params = i.RequestParameters ?? {};
  const errors: string[] = [];
  for (const name of subtype.required) if (params[name] === undefined) errors.push(`Missing required parameter: ${name}`);
  for (const [name, value] of Object.entries(params)) {
    if (!subtype.required.includes(name) && !subtype.optional.includes(name)) errors.push(`Invalid destination: ${name} specified for integration subtype: ${i.IntegrationSubtype}`);
    else if (value.startsWith('$') && !SOURCE.test(value)) errors.push(`Invalid source: ${value} specified for destination: ${name}`);
  }
  if (errors.length) throw invalid(errors);
}

/**
 * Calls the integration's service action with the mapped parameters, as the API's account. A value
 * that can't be read as its member's type fails the request as a bad request; the service's own
 * errors come back with its status and error code.
 */
export async function serviceIntegration(platform: Platform, i: IntegrationDoc, call: HttpCall, note: { error?: string; status?: number }): Promise<GatewayReply> {
  const subtype = SUBTYPES[i.IntegrationSubtype!]!;
  const loaded = subtype.service ? platform.services.get(subtype.service) : undefined;
  const op = loaded?.index.operations.get(subtype.operation);
  if (!loaded || !op) {
    note.error = `The integration subtype ${i.IntegrationSubtype} calls a service that Stratus does not serve`;
    return jsonReply(500, { message: 'Internal Server Error' });
  }
  const flat: Record<string, unknown> = {};
  let region = call.scope.region;
  for (const [name, value] of Object.entries(i.RequestParameters ?? {})) {
    const text = renderSelection(value, call);
    if (text === undefined) {
      note.error = `Unable to resolve property ${name} from source ${value}`;
      return jsonReply(400, { message: 'Bad Request' });
    }
    if (name === 'Region') region = text;
    else flat[name] = text;
  }
  let input: Record<string, unknown>;
  try {
    input = subtype.wrap ? subtype.wrap(typed(loaded.index, entryShape(loaded.index, op.input!.shape), flat)) : typed(loaded.index, op.input!.shape, flat);
  } catch {
    note.error = 'The integration parameters could not be read as the action\'s input';
    return jsonReply(400, { message: 'Bad Request' });
  }
  const requestId = randomUUID();
  const client = serviceClient<Record<string, OperationHandler>>(platform, subtype.service!, { accountId: call.scope.accountId, region, requestId }, { fromJson: true });
  try {
    const out = await (client![subtype.operation] as unknown as (input: unknown) => Promise<unknown>)(input);
    const body = op.output ? toJsonValue(loaded.index, op.output.shape, out, false) : {};
    return jsonReply(200, subtype.queryJson ? queryJsonResult(loaded.index, subtype.operation, op.output?.shape, body, requestId) : body ?? {});
  } catch (e) {
    if (!isAwsError(e)) throw e;
    note.status = e.status;
    note.error = e.message;
    const body = subtype.queryJson
      ? { Error: { Code: e.code, Message: e.message, Type: e.status < 500 ? 'Sender' : 'Receiver' }, RequestId: requestId }
      : { __type: e.code, message: e.message };
    return jsonReply(e.status, body);
  }
}

/** PutEvents takes its parameters as its one entry. */
function entryShape(index: ServiceIndex, inputShape: string): string {
  const entries = index.shape(inputShape).members?.Entries;
  return entries ? index.shape(entries.shape).member!.shape : inputShape;
}

/**
 * The mapped values (always text) as the JSON input of the action: numbers and booleans parsed, lists
 * and maps read as JSON, blobs (Kinesis Data) as the text's bytes.
 */
function typed(index: ServiceIndex, shapeName: string, flat: Record<string, unknown>): Record<string, unknown> {
  const members = index.shape(shapeName).members ?? {};
  // The parameters are PascalCase; Step Functions' members are camelCase (stateMachineArn).
  const byLowerName = new Map(Object.keys(members).map((m) => [m.toLowerCase(), m]));
  const out: Record<string, unknown> = {};
  for (const [param, text] of Object.entries(flat)) {
    const name = byLowerName.get(param.toLowerCase()) ?? param;
    const ref = members[name];
    const type = ref ? index.shape(ref.shape).type : 'string';
    const s = String(text);
    if (type === 'integer' || type === 'long' || type === 'float' || type === 'double') out[name] = s.trim() === '' ? s : Number(s);
    else if (type === 'boolean') out[name] = s === 'true' ? true : s === 'false' ? false : s;
    else if (type === 'list' || type === 'map' || type === 'structure') out[name] = JSON.parse(s);
    else if (type === 'blob') out[name] = Buffer.from(s, 'utf8').toString('base64');
    else out[name] = s;
  }
  return out;
}

/**
 * SQS's answer in the JSON form of its query API: `{"SendMessageResponse": {"SendMessageResult": {...},
 * "ResponseMetadata": {"RequestId": ...}}}`, every member of the result present (null when unset), and
 * ReceiveMessage's list named `messages`.
 */
function queryJsonResult(index: ServiceIndex, operation: string, outputShape: string | undefined, body: unknown, requestId: string): unknown {
  const response: Record<string, unknown> = { ResponseMetadata: { RequestId: requestId } };
  if (outputShape) {
    const members = index.shape(outputShape).members ?? {};
    const result: Record<string, unknown> = {};
    const values = (body ?? {}) as Record<string, unknown>;
    for (const name of Object.keys(members)) {
      const key = name === 'Messages' ? 'messages' : name;
      result[key] = name === 'Messages' ? ((values[name] as Record<string, unknown>[] | undefined) ?? []).map((m) => withNulls(index, members[name]!.shape, m)) : (values[name] ?? null);
    }
    response[`${operation}Result`] = result;
  }
  return { [`${operation}Response`]: response };
}

function withNulls(index: ServiceIndex, listShape: string, message: Record<string, unknown>): Record<string, unknown> {
  const members = index.shape(index.shape(listShape).member!.shape).members ?? {};
  return Object.fromEntries(Object.keys(members).map((k) => [k, message[k] ?? null]));
}
