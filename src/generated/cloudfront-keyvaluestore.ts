// Generated from models/aws/cloudfront-keyvaluestore/service-2.json (API version 2022-07-26) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export interface DeleteKeyRequest {
  IfMatch: Etag;
  Key: Key;
  KvsARN: KvsARN;
}

export interface DeleteKeyRequestListItem {
  Key: Key;
}

export type DeleteKeyRequestsList = DeleteKeyRequestListItem[];

export interface DeleteKeyResponse {
  ETag: Etag;
  ItemCount: Integer;
  TotalSizeInBytes: Long;
}

export interface DescribeKeyValueStoreRequest {
  KvsARN: KvsARN;
}

export interface DescribeKeyValueStoreResponse {
  Created: Timestamp;
  ETag: Etag;
  FailureReason?: String_;
  ItemCount: Integer;
  KvsARN: KvsARN;
  LastModified?: Timestamp;
  Status?: String_;
  TotalSizeInBytes: Long;
}

export type Etag = string;

export interface GetKeyRequest {
  Key: Key;
  KvsARN: KvsARN;
}

export interface GetKeyResponse {
  ItemCount: Integer;
  Key: Key;
  TotalSizeInBytes: Long;
  Value: Value;
}

export type Integer = number;

export type Key = string;

export type KvsARN = string;

export interface ListKeysRequest {
  KvsARN: KvsARN;
  MaxResults?: ListKeysRequestMaxResultsInteger;
  NextToken?: String_;
}

export type ListKeysRequestMaxResultsInteger = number;

export interface ListKeysResponse {
  Items?: ListKeysResponseList;
  NextToken?: String_;
}

export type ListKeysResponseList = ListKeysResponseListItem[];

export interface ListKeysResponseListItem {
  Key: Key;
  Value: Value;
}

export type Long = number;

export interface PutKeyRequest {
  IfMatch: Etag;
  Key: Key;
  KvsARN: KvsARN;
  Value: Value;
}

export interface PutKeyRequestListItem {
  Key: Key;
  Value: Value;
}

export type PutKeyRequestsList = PutKeyRequestListItem[];

export interface PutKeyResponse {
  ETag: Etag;
  ItemCount: Integer;
  TotalSizeInBytes: Long;
}

export type String_ = string;

export type Timestamp = Date;

export interface UpdateKeysRequest {
  Deletes?: DeleteKeyRequestsList;
  IfMatch: Etag;
  KvsARN: KvsARN;
  Puts?: PutKeyRequestsList;
}

export interface UpdateKeysResponse {
  ETag: Etag;
  ItemCount: Integer;
  TotalSizeInBytes: Long;
}

export type Value = string;

// Operations

export interface CloudFrontKeyValueStoreApi {
  DeleteKey(ctx: RequestContext, input: DeleteKeyRequest): Promise<DeleteKeyResponse>;
  DescribeKeyValueStore(ctx: RequestContext, input: DescribeKeyValueStoreRequest): Promise<DescribeKeyValueStoreResponse>;
  GetKey(ctx: RequestContext, input: GetKeyRequest): Promise<GetKeyResponse>;
  ListKeys(ctx: RequestContext, input: ListKeysRequest): Promise<ListKeysResponse>;
  PutKey(ctx: RequestContext, input: PutKeyRequest): Promise<PutKeyResponse>;
  UpdateKeys(ctx: RequestContext, input: UpdateKeysRequest): Promise<UpdateKeysResponse>;
}

export const operations = [
  'DeleteKey',
  'DescribeKeyValueStore',
  'GetKey',
  'ListKeys',
  'PutKey',
  'UpdateKeys',
] as const;

// Errors

export class AccessDeniedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('AccessDeniedException', message, 403, { fields });
  }
}

export class ConflictException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ConflictException', message, 409, { fields });
  }
}

export class InternalServerException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InternalServerException', message, 500, { fields });
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotFoundException', message, 404, { fields });
  }
}

export class ServiceQuotaExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ServiceQuotaExceededException', message, 402, { fields });
  }
}

export class ValidationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ValidationException', message, 400, { fields });
  }
}
