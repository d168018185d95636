/**
 * The UserMigration trigger: a user the pool lacks, brought in by the function at sign-in
 * (UserMigration_Authentication, with the password given, which becomes the user's) or at
 * ForgotPassword (UserMigration_ForgotPassword, no password: the user must reset it).
 */
import { randomUUID } from 'node:crypto';
import type { CognitoCore, StoredPool, StoredUser } from './core.js';
import { invokeTrigger, triggerArn } from './triggers.js';
import { passwordFields } from './users.js';

export async function migrateUser(
  core: CognitoCore,
  pool: StoredPool,
  clientId: string,
  username: string,
  password: string | undefined,
  clientMetadata?: Record<string, string>,
): Promise<StoredUser | undefined> {
  if (!triggerArn(pool, 'UserMigration')) return undefined;
  const response = await invokeTrigger(core, pool, {
    trigger: 'UserMigration',
    triggerSource: password === undefined ? 'UserMigration_ForgotPassword' : 'UserMigration_Authentication',
    userName: username,
    clientId,
    request: { ...(password === undefined ? {} : { password }), validationData: null, ...(clientMetadata ? { clientMetadata } : {}) },
    response: { userAttributes: null, finalUserStatus: null, messageAction: null, desiredDeliveryMediums: null, forceAliasCreation: null, enableSMSMFA: null },
  });
  const attrs = response?.userAttributes;
  if (!attrs || typeof attrs !== 'object') return undefined;
  const now = core.now();
  const record = Object.fromEntries(
    Object.entries(attrs as Record<string, unknown>)
      .filter(([k]) => k !== 'sub' && k !== 'username' && k !== 'cognito:username')
      .map(([k, v]) => [k, String(v)]),
  );
  const sub = randomUUID();
  const name = (pool.UsernameAttributes ?? []).length ? sub : username;
  if ((pool.UsernameAttributes ?? []).includes('email') && username.includes('@') && !record.email) record.email = username;
  const user: StoredUser = {
    Username: name,
    sub,
    attrs: record,
    status: password !== undefined && response?.finalUserStatus === 'CONFIRMED' ? 'CONFIRMED' : 'RESET_REQUIRED',
    enabled: true,
    created: now,
    modified: now,
    codes: {},
    ...(password === undefined ? {} : await passwordFields(pool, name, password)),
  };
  await core.db.tx((tx) => core.putUser(tx, pool, user, { forceAlias: response?.forceAliasCreation === true }));
  return user;
}
