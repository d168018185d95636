/**
 * S3: what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';
import { S3_GUARDS, VIRTUAL_HOST } from './addressing.js';

export const definition: ServiceDefinition = {
  name: 's3',
  validationErrorCode: 'InvalidArgument',
  // S3 checks these itself, with its own errors (or takes values newer than the model).
  openEnums: ['BucketLocationConstraint', 'StorageClass', 'MetadataDirective', 'TaggingDirective', 'ChecksumAlgorithm', 'EncodingType', 'ChecksumType',
    // Versioning, Object Lock, lifecycle and attributes check these with AWS's own errors (MalformedXML, InvalidArgument).
    'BucketVersioningStatus', 'MFADelete', 'ObjectLockEnabled', 'ObjectLockRetentionMode', 'ObjectLockMode', 'ObjectLockLegalHoldStatus',
    'ExpirationStatus', 'TransitionStorageClass', 'TransitionDefaultMinimumObjectSize', 'ObjectAttributes',
    'ObjectOwnership', 'Protocol', 'BucketCannedACL', 'ObjectCannedACL', 'Permission', 'Payer', 'BucketAccelerateStatus', 'ServerSideEncryption', 'Event', 'FilterRuleName'],
  lazy: { routes: S3_GUARDS, hosts: [VIRTUAL_HOST] },
  create: async (platform) => (await import('./provider.js')).create(platform),
};
