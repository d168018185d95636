/**
 * Per-service facts of AWS's error wire forms that the models do not carry, each pinned by a
 * test in test/aws/protocol-fidelity.test.ts. Everything the model does carry (an error shape's
 * `message` vs `Message` member, Lambda's `Type` member, awsQuery error codes) is read from it.
 */
import { AwsError as AwsErrorCtor, type AwsError } from '../errors.js';
import * as zlib from 'node:zlib';
import type { OperationModel, Shape } from '../model.js';
import { ServiceIndex as ServiceIndexCtor, type ServiceIndex } from '../service-index.js';

/**
 * The namespace AWS puts before an awsJson error code in `__type` (`<namespace>#<Code>`).
 * Services not listed send the bare code (CloudWatch Logs, Kinesis, EventBridge, Cognito...).
 */
const JSON_ERROR_NAMESPACES: Record<string, string> = {
  dynamodb: 'com.amazonaws.dynamodb.v20120810',
  dynamodbstreams: 'com.amazonaws.dynamodb.v20120810',
  stepfunctions: 'com.amazonaws.swf.service.v2.model',
  sqs: 'com.amazonaws.sqs',
};

/** Coral framework errors (not in any model): their own namespace where the service uses namespaces. */
const CORAL_NAMESPACES: Record<string, string> = {
  ValidationException: 'com.amazon.coral.validate',
  SerializationException: 'com.amazon.coral.service',
  UnknownOperationException: 'com.amazon.coral.service',
  InternalFailure: 'com.amazon.coral.service',
  AccessDeniedException: 'com.amazon.coral.service',
  UnrecognizedClientException: 'com.amazon.coral.service',
  InvalidSignatureException: 'com.amazon.coral.service',
  MissingAuthenticationTokenException: 'com.amazon.coral.service',
  IncompleteSignatureException: 'com.amazon.coral.service',
  ExpiredTokenException: 'com.amazon.coral.service',
  ThrottlingException: 'com.amazon.coral.availability',
  NotImplemented: 'com.amazon.coral.service',
};

/** restJson1 services whose `x-amzn-ErrorType` header carries Coral's `:<namespace URL>` suffix. */
const REST_JSON_ERROR_TYPE_SUFFIX: Record<string, string> = {
  apigateway: ':http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/',
};

/**
 * DynamoDB runs on the older Coral JSON stack: wrong JSON types are worded
 * "STRING_VALUE cannot be converted to Integer" (newer services: "can not be converted to an
 * Integer"), and its SerializationException carries `Message`, not `message`.
 */
const LEGACY_CORAL = new Set(['dynamodb', 'dynamodbstreams']);

export function isLegacyCoral(service: string): boolean {
  return LEGACY_CORAL.has(service);
}

const framework = new WeakSet<AwsError>();

/**
 * Marks an error as raised by the protocol layer itself (Coral's validation and parsing), not by
 * the service: Step Functions, for one, sends its own ValidationException as
 * `com.amazonaws.swf.service.v2.model#ValidationException` but a model-constraint violation as
 * `com.amazon.coral.validate#ValidationException`.
 */
export function frameworkError(err: AwsError): AwsError {
  framework.add(err);
  return err;
}

/**
 * The `__type` of an awsJson error. Services with a namespace prefix their own errors with it;
 * a model-constraint violation is Coral's `com.amazon.coral.validate#ValidationException`
 * (DynamoDB and Step Functions alike), and DynamoDB also prefixes Coral's other framework
 * errors (`com.amazon.coral.service#SerializationException`, `#UnknownOperationException`...).
 */
export function jsonErrorType(svc: ServiceIndex, err: AwsError): string {
  const code = err.code;
  const ns = JSON_ERROR_NAMESPACES[svc.name];
  if (!ns) return code;
  const shape = svc.errorShape(code);
  if (code === 'ValidationException' && (framework.has(err) || !shape)) return `com.amazon.coral.validate#${code}`;
  const coral = CORAL_NAMESPACES[code];
  if (coral && LEGACY_CORAL.has(svc.name) && (framework.has(err) || !shape)) return `${coral}#${code}`;
  return shape ? `${ns}#${code}` : code;
}

export function restJsonErrorType(svc: ServiceIndex, code: string): string {
  const suffix = REST_JSON_ERROR_TYPE_SUFFIX[svc.name];
  return suffix ? `${code}${suffix}` : code;
}

/**
 * The body key of an error's message: the error shape's own member (`Message` for Lambda's,
 * API Gateway v2's, DynamoDB's TransactionCanceledException...), `message` otherwise, except
 * the legacy Coral SerializationException (`Message`).
 */
export function messageKey(svc: ServiceIndex, code: string): string {
  const members = svc.errorShape(code)?.members;
  if (members) {
    if ('message' in members) return 'message';
    if ('Message' in members) return 'Message';
  }
  if (code === 'SerializationException' && LEGACY_CORAL.has(svc.name)) return 'Message';
  return 'message';
}

/** Services that answer the query protocol without an xmlNamespace in their (JSON) model. */
const QUERY_XML_NAMESPACES: Record<string, string> = {
  sqs: 'http://queue.amazonaws.com/doc/2012-11-05/',
};

const xmlNamespaces = new WeakMap<ServiceIndex, string | undefined>();

/** The service's XML namespace: the model's metadata, else the one its operations' inputs declare. */
export function xmlNamespaceOf(svc: ServiceIndex): string | undefined {
  if (xmlNamespaces.has(svc)) return xmlNamespaces.get(svc);
  let ns: string | undefined = svc.model.metadata.xmlNamespace ?? QUERY_XML_NAMESPACES[svc.name];
  if (!ns) {
    for (const op of svc.operations.values()) {
      ns = op.input?.xmlNamespace?.uri;
      if (ns) break;
    }
  }
  xmlNamespaces.set(svc, ns);
  return ns;
}

/** restXml responses: S3 sends application/xml, the other restXml services (CloudFront) text/xml. */
export function restXmlContentType(svc: ServiceIndex): string {
  return svc.name === 's3' ? 'application/xml' : 'text/xml';
}

const unknownRoutes = new WeakSet<AwsError>();

/**
 * A request no operation of the service answers (a REST path/method no route matches, a
 * non-POST to an awsJson service): Coral's 404 with the bare XML body `<UnknownOperationException/>`.
 */
export function unknownRoute(): AwsError {
  const err = frameworkError(new AwsErrorCtor('UnknownOperationException', '', 404));
  unknownRoutes.add(err);
  return err;
}

export function unknownRouteResponse(svc: ServiceIndex, err: AwsError, requestId: string): { status: number; headers: Record<string, string>; body: string } | undefined {
  if (!unknownRoutes.has(err)) return undefined;
  const headers: Record<string, string> = { 'x-amzn-requestid': requestId };
  const body = '<UnknownOperationException/>\n';
  addCrc32(svc, headers, body);
  return { status: 404, headers, body };
}

/** DynamoDB signs every response body with its CRC32 (x-amz-crc32), which SDKs check when present. */
const CRC32_SERVICES = new Set(['dynamodb', 'dynamodbstreams']);

/** zlib.crc32 arrived in Node 20.15; on older Node the header is left out (SDKs check it only when present). */
const crc32 = (zlib as { crc32?: (data: string) => number }).crc32;

export function addCrc32(svc: ServiceIndex, headers: Record<string, string>, body: string): void {
  if (crc32 && CRC32_SERVICES.has(svc.name)) headers['x-amz-crc32'] = String(crc32(body));
}

/**
 * awsQuery error codes (Smithy's @awsQueryError) the botocore models in models/aws do not carry:
 * SQS's, sent in `x-amzn-query-error` by its JSON protocol and as <Code> by its query protocol.
 */
const QUERY_ERROR_CODES: Record<string, Record<string, string>> = {
  sqs: {
    BatchEntryIdsNotDistinct: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
    BatchRequestTooLong: 'AWS.SimpleQueueService.BatchRequestTooLong',
    EmptyBatchRequest: 'AWS.SimpleQueueService.EmptyBatchRequest',
    InvalidBatchEntryId: 'AWS.SimpleQueueService.InvalidBatchEntryId',
    InvalidParameterValueException: 'InvalidParameterValue',
    KmsAccessDenied: 'KMS.AccessDeniedException',
    KmsDisabled: 'KMS.DisabledException',
    KmsInvalidKeyUsage: 'KMS.InvalidKeyUsageException',
    KmsInvalidState: 'KMS.InvalidStateException',
    KmsNotFound: 'KMS.NotFoundException',
    KmsOptInRequired: 'KMS.OptInRequired',
    KmsThrottled: 'KMS.ThrottlingException',
    MessageNotInflight: 'AWS.SimpleQueueService.MessageNotInflight',
    MissingRequiredParameterException: 'MissingParameter',
    PurgeQueueInProgress: 'AWS.SimpleQueueService.PurgeQueueInProgress',
    QueueDeletedRecently: 'AWS.SimpleQueueService.QueueDeletedRecently',
    QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
    QueueNameExists: 'QueueAlreadyExists',
    TooManyEntriesInBatchRequest: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
    UnsupportedOperation: 'AWS.SimpleQueueService.UnsupportedOperation',
  },
};

/** The error code the query protocol (and `x-amzn-query-error`) names an error by. */
export function queryErrorCode(svc: ServiceIndex, code: string): string {
  return svc.errorShape(code)?.error?.code ?? QUERY_ERROR_CODES[svc.name]?.[code] ?? code;
}

/**
 * restXml output roots the botocore models lost (Smithy's @xmlName on the output structure):
 * S3 answers ListObjectsV2 with <ListBucketResult>, not <ListObjectsV2Output>.
 */
const XML_ROOTS: Record<string, Record<string, string>> = {
  s3: {
    ListObjectsV2Output: 'ListBucketResult',
    ListObjectsOutput: 'ListBucketResult',
    ListBucketsOutput: 'ListAllMyBucketsResult',
    ListObjectVersionsOutput: 'ListVersionsResult',
    ListMultipartUploadsOutput: 'ListMultipartUploadsResult',
    ListPartsOutput: 'ListPartsResult',
    CreateMultipartUploadOutput: 'InitiateMultipartUploadResult',
    CompleteMultipartUploadOutput: 'CompleteMultipartUploadResult',
    DeleteObjectsOutput: 'DeleteResult',
    GetObjectAttributesOutput: 'GetObjectAttributesResponse',
    GetObjectTaggingOutput: 'Tagging',
    GetBucketTaggingOutput: 'Tagging',
    GetObjectAclOutput: 'AccessControlPolicy',
    GetBucketAclOutput: 'AccessControlPolicy',
    GetBucketVersioningOutput: 'VersioningConfiguration',
    GetBucketCorsOutput: 'CORSConfiguration',
    GetBucketLifecycleConfigurationOutput: 'LifecycleConfiguration',
    GetBucketNotificationConfigurationOutput: 'NotificationConfiguration',
    GetBucketWebsiteOutput: 'WebsiteConfiguration',
  },
};

export function xmlRootName(svc: ServiceIndex, shapeName: string): string {
  return svc.shape(shapeName).locationName ?? XML_ROOTS[svc.name]?.[shapeName] ?? shapeName;
}

/**
 * SQS's query-protocol names (Smithy's @xmlName/@xmlFlattened, which its JSON-era botocore model
 * dropped): `Attribute.1.Name=...`, `MessageAttribute.1.Value.StringValue=...`, flattened
 * `<Message>` / `<QueueUrl>` / `<Attribute>` elements, results wrapped in `<{Op}Result>`.
 */
const QUERY_MEMBER_NAMES: Record<string, Record<string, string>> = {
  sqs: {
    'AddPermissionRequest.AWSAccountIds': 'AWSAccountId',
    'AddPermissionRequest.Actions': 'ActionName',
    'ChangeMessageVisibilityBatchRequest.Entries': 'ChangeMessageVisibilityBatchRequestEntry',
    'ChangeMessageVisibilityBatchResult.Successful': 'ChangeMessageVisibilityBatchResultEntry',
    'ChangeMessageVisibilityBatchResult.Failed': 'BatchResultErrorEntry',
    'CreateQueueRequest.Attributes': 'Attribute',
    'CreateQueueRequest.tags': 'Tag',
    'DeleteMessageBatchRequest.Entries': 'DeleteMessageBatchRequestEntry',
    'DeleteMessageBatchResult.Successful': 'DeleteMessageBatchResultEntry',
    'DeleteMessageBatchResult.Failed': 'BatchResultErrorEntry',
    'GetQueueAttributesRequest.AttributeNames': 'AttributeName',
    'GetQueueAttributesResult.Attributes': 'Attribute',
    'ListDeadLetterSourceQueuesResult.queueUrls': 'QueueUrl',
    'ListMessageMoveTasksResult.Results': 'ListMessageMoveTasksResultEntry',
    'ListQueuesResult.QueueUrls': 'QueueUrl',
    'ListQueueTagsResult.Tags': 'Tag',
    'Message.Attributes': 'Attribute',
    'Message.MessageAttributes': 'MessageAttribute',
    'MessageAttributeValue.StringListValues': 'StringListValue',
    'MessageAttributeValue.BinaryListValues': 'BinaryListValue',
    'MessageSystemAttributeValue.StringListValues': 'StringListValue',
    'MessageSystemAttributeValue.BinaryListValues': 'BinaryListValue',
    'ReceiveMessageRequest.AttributeNames': 'AttributeName',
    'ReceiveMessageRequest.MessageSystemAttributeNames': 'AttributeName',
    'ReceiveMessageRequest.MessageAttributeNames': 'MessageAttributeName',
    'ReceiveMessageResult.Messages': 'Message',
    'SendMessageBatchRequest.Entries': 'SendMessageBatchRequestEntry',
    'SendMessageBatchRequestEntry.MessageAttributes': 'MessageAttribute',
    'SendMessageBatchRequestEntry.MessageSystemAttributes': 'MessageSystemAttribute',
    'SendMessageBatchResult.Successful': 'SendMessageBatchResultEntry',
    'SendMessageBatchResult.Failed': 'BatchResultErrorEntry',
    'SendMessageRequest.MessageAttributes': 'MessageAttribute',
    'SendMessageRequest.MessageSystemAttributes': 'MessageSystemAttribute',
    'SetQueueAttributesRequest.Attributes': 'Attribute',
    'TagQueueRequest.Tags': 'Tag',
    'UntagQueueRequest.TagKeys': 'TagKey',
  },
};
const QUERY_MAP_ENTRY_NAMES: Record<string, Record<string, [string, string]>> = {
  sqs: {
    MessageBodyAttributeMap: ['Name', 'Value'],
    MessageBodySystemAttributeMap: ['Name', 'Value'],
    MessageSystemAttributeMap: ['Name', 'Value'],
    QueueAttributeMap: ['Name', 'Value'],
    TagMap: ['Key', 'Value'],
  },
};

/**
 * Query parameters a request may give by its path instead: older SQS SDKs POST to the queue URL
 * (`/{account}/{queue}`) without a QueueUrl parameter.
 */
const QUERY_PATH_PARAMETERS: Record<string, string> = { sqs: 'QueueUrl' };

/** The parameter the request's path stands for, and its value (the URL the request was sent to). */
export function queryPathParameter(svc: ServiceIndex, host: string | undefined, path: string): [string, string] | undefined {
  const name = QUERY_PATH_PARAMETERS[svc.name];
  if (!name || path === '/' || path === '') return undefined;
  return [name, `http://${host ?? 'localhost'}${path}`];
}

const queryViews = new WeakMap<ServiceIndex, ServiceIndex>();

/**
 * The service as the query protocol sees it. For a JSON service that also answers awsQuery
 * (awsQueryCompatible: SQS), a copy of its model with the query names put back; the JSON view
 * is left untouched (there, locationName would rename JSON keys).
 */
export function queryView(svc: ServiceIndex): ServiceIndex {
  if (!svc.model.metadata.awsQueryCompatible) return svc;
  let view = queryViews.get(svc);
  if (view) return view;
  const members = QUERY_MEMBER_NAMES[svc.name] ?? {};
  const maps = QUERY_MAP_ENTRY_NAMES[svc.name] ?? {};
  const shapes: Record<string, Shape> = { ...svc.model.shapes };
  for (const [path, name] of Object.entries(members)) {
    const [shapeName, member] = path.split('.') as [string, string];
    const shape = shapes[shapeName];
    const ref = shape?.members?.[member];
    if (!shape || !ref) continue;
    shapes[shapeName] = { ...shape, members: { ...shape.members, [member]: { ...ref, locationName: name, flattened: true } } };
  }
  for (const [shapeName, [key, value]] of Object.entries(maps)) {
    const shape = shapes[shapeName];
    if (shape?.key && shape.value) shapes[shapeName] = { ...shape, key: { ...shape.key, locationName: key }, value: { ...shape.value, locationName: value } };
  }
  const operations: Record<string, OperationModel> = {};
  for (const [name, op] of Object.entries(svc.model.operations)) {
    operations[name] = op.output && !op.output.resultWrapper ? { ...op, output: { ...op.output, resultWrapper: `${name}Result` } } : op;
  }
  view = new ServiceIndexCtor(svc.name, { ...svc.model, shapes, operations }, [...svc.wireShapes]);
  queryViews.set(svc, view);
  return view;
}
