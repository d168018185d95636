/**
 * What Cognito would send (verification codes, temporary passwords): never sent, kept in the inbox
 * (`GET /_stratus/cognito/messages?userPoolId=...`) and logged, after the CustomMessage trigger had
 * its say on the text.
 */
import type { Queryable } from '../../storage/db.js';
import type { CodeDeliveryDetailsType } from '../../generated/cognito-idp.js';
import type { CognitoCore, StoredPool, StoredUser } from './core.js';
import { invokeTrigger, triggerAttributes } from './triggers.js';
import { maskEmail, maskPhone } from './users.js';

export type MessageKind = 'SignUp' | 'ResendCode' | 'ForgotPassword' | 'AdminCreateUser' | 'UpdateUserAttribute' | 'VerifyUserAttribute' | 'Authentication';

export interface Outgoing {
  kind: MessageKind;
  user: StoredUser;
  /** The attribute the message goes to (email or phone_number). */
  attribute: 'email' | 'phone_number';
  code: string;
  clientId?: string;
  clientMetadata?: Record<string, string>;
}

/** The attribute a code goes to: the first auto-verified attribute the user has (email before phone). */
export function deliveryAttribute(pool: StoredPool, user: StoredUser, anyVerified = false): 'email' | 'phone_number' | undefined {
  const auto = pool.AutoVerifiedAttributes ?? [];
  for (const a of ['email', 'phone_number'] as const) {
    if (user.attrs[a] && (auto.includes(a) || (anyVerified && user.attrs[`${a}_verified`] === 'true'))) return a;
  }
  return undefined;
}

function defaults(pool: StoredPool, kind: MessageKind, sms: boolean): { text: string; subject?: string } {
  const t = pool.VerificationMessageTemplate ?? {};
  if (kind === 'AdminCreateUser') {
    const tpl = pool.AdminCreateUserConfig?.InviteMessageTemplate ?? {};
    return sms
      ? { text: tpl.SMSMessage ?? 'Your username is {username} and temporary password is {####}. ' }
      : { text: tpl.EmailMessage ?? 'Your username is {username} and temporary password is {####}. ', subject: tpl.EmailSubject ?? 'Your temporary password' };
  }
  if (kind === 'Authentication') {
    return sms
      ? { text: pool.SmsAuthenticationMessage ?? 'Your authentication code is {####}. ' }
      : { text: pool.emailMfa?.Message ?? 'Your authentication code is {####}. ', subject: pool.emailMfa?.Subject ?? 'Your authentication code' };
  }
  return sms
    ? { text: t.SmsMessage ?? pool.SmsVerificationMessage ?? 'Your verification code is {####}. ' }
    : { text: t.EmailMessage ?? pool.EmailVerificationMessage ?? 'Your verification code is {####}. ', subject: t.EmailSubject ?? pool.EmailVerificationSubject ?? 'Your verification code' };
}

/**
 * Runs CustomMessage (when configured) and records the message; the CodeDeliveryDetails to answer.
 * The trigger runs before `tx` is given the write: call outside transactions, then `record` inside.
 */
export async function prepareMessage(core: CognitoCore, pool: StoredPool, m: Outgoing): Promise<{ details: CodeDeliveryDetailsType; record: (q: Queryable) => Promise<void> }> {
  const sms = m.attribute === 'phone_number';
  let { text, subject } = defaults(pool, m.kind, sms);
  const response = await invokeTrigger(core, pool, {
    trigger: 'CustomMessage',
    triggerSource: `CustomMessage_${m.kind}`,
    userName: m.user.Username,
    clientId: m.clientId,
    request: {
      userAttributes: triggerAttributes(m.user),
      codeParameter: '{####}',
      ...(m.kind === 'AdminCreateUser' ? { usernameParameter: '{username}' } : { linkParameter: '{##Click Here##}' }),
      ...(m.clientMetadata ? { clientMetadata: m.clientMetadata } : {}),
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  });
  if (response) {
    const custom = sms ? response.smsMessage : response.emailMessage;
    if (typeof custom === 'string' && custom) text = custom;
    if (!sms && typeof response.emailSubject === 'string' && response.emailSubject) subject = response.emailSubject;
  }
  const destination = m.user.attrs[m.attribute]!;
  // Functions as replacements: a code or temporary password may hold `$`` or `$&`, which a replacement string would expand.
  const body = text.replaceAll('{####}', () => m.code).replaceAll('{username}', () => m.user.Username);
  return {
    details: { Destination: sms ? maskPhone(destination) : maskEmail(destination), DeliveryMedium: sms ? 'SMS' : 'EMAIL', AttributeName: m.attribute },
    record: (q) =>
      core.addMessage(q, pool.Id, {
        username: m.user.Username,
        destination,
        medium: sms ? 'SMS' : 'EMAIL',
        kind: m.kind,
        ...(m.kind === 'AdminCreateUser' ? { temporaryPassword: m.code } : { code: m.code }),
        ...(subject && !sms ? { subject } : {}),
        text: body,
      }),
  };
}
