/** DynamoDB task integrations: arn:aws:states:::dynamodb:getItem / putItem / updateItem / deleteItem. */
import { isAwsError } from '../../../aws/errors.js';
import type { DynamoDBApi } from '../../../generated/dynamodb.js';
import type { Platform } from '../../service.js';
import { StatesError } from '../asl/errors.js';
import type { TaskCall } from '../asl/engine.js';
import { serviceClient } from '../../clients.js';

const OPERATIONS = { getItem: 'GetItem', putItem: 'PutItem', updateItem: 'UpdateItem', deleteItem: 'DeleteItem' } as const;

/** The integration's action (getItem...) with the state's Parameters as the operation's input; the output as JSON. */
export async function dynamodbTask(platform: Platform, call: TaskCall, action: string): Promise<unknown> {
  const operation = Object.hasOwn(OPERATIONS, action) ? OPERATIONS[action as keyof typeof OPERATIONS] : undefined;
  if (!operation) throw new StatesError('States.Runtime', `The resource ${call.resource} is not supported by Stratus`);
  const dynamodb = serviceClient<DynamoDBApi>(platform, 'dynamodb', { accountId: call.execution.accountId, region: call.execution.region }, { fromJson: true });
  if (!dynamodb) throw new StatesError('States.Runtime', `DynamoDB is not available in this Stratus`);
  try {
    return jsonClone(await (dynamodb[operation] as (input: unknown) => Promise<unknown>)(call.parameters));
  } catch (e) {
    if (isAwsError(e)) throw new StatesError(`DynamoDB.${e.code}`, `${e.message} (Service: DynamoDb, Status Code: ${e.status}, Error Code: ${e.code})`);
    throw e;
  }
}

/** The output as the state sees it: dates as epoch seconds, binary values as base64. */
const jsonClone = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Date ? x.getTime() / 1000 : Buffer.isBuffer(x) ? x.toString('base64') : x)));
