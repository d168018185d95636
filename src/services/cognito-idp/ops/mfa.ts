/** TOTP software tokens (RFC 6238) and users' MFA preferences. */
import type { RequestContext } from '../../../core/context.js';
import {
  EnableSoftwareTokenMFAException,
  InvalidParameterException,
  SoftwareTokenMFANotFoundException,
  type CognitoIdentityProviderApi as Api,
  type SMSMfaSettingsType,
  type SoftwareTokenMfaSettingsType,
} from '../../../generated/cognito-idp.js';
import { hashToken, type CognitoCore, type StoredUser } from '../core.js';
import { newSession, takeSession } from '../auth/sessions.js';
import { verifyAccessToken } from '../auth/tokens.js';
import { newTotpSecret, totpValid } from '../crypto/totp.js';

type Ops = 'AssociateSoftwareToken' | 'VerifySoftwareToken' | 'SetUserMFAPreference' | 'AdminSetUserMFAPreference';

/** The MFA members of GetUser and AdminGetUser. */
export function mfaView(user: StoredUser): { UserMFASettingList?: string[]; PreferredMfaSetting?: string } {
  const list: string[] = [];
  if (user.mfa?.sms) list.push('SMS_MFA');
  if (user.mfa?.totp) list.push('SOFTWARE_TOKEN_MFA');
  if (user.mfa?.email) list.push('EMAIL_OTP');
  return { ...(list.length ? { UserMFASettingList: list } : {}), ...(user.mfa?.preferred ? { PreferredMfaSetting: user.mfa.preferred } : {}) };
}

function preferences(user: StoredUser, sms: SMSMfaSettingsType | undefined, totp: SoftwareTokenMfaSettingsType | undefined, email?: SMSMfaSettingsType): StoredUser['mfa'] {
  const mfa = { ...user.mfa };
  if (email) {
    if (email.Enabled && !user.attrs.email) throw new InvalidParameterException('User does not have delivery config set to turn on EMAIL_OTP');
    mfa.email = email.Enabled ?? mfa.email;
    if (email.PreferredMfa && email.Enabled !== false) mfa.preferred = 'EMAIL_OTP';
    else if (mfa.preferred === 'EMAIL_OTP' && (email.PreferredMfa === false || email.Enabled === false)) delete mfa.preferred;
  }
  if (totp) {
    if (totp.Enabled && !user.totp?.verified) throw new InvalidParameterException('User has not verified software token mfa');
    mfa.totp = totp.Enabled ?? mfa.totp;
    if (totp.PreferredMfa && totp.Enabled !== false) mfa.preferred = 'SOFTWARE_TOKEN_MFA';
    else if (mfa.preferred === 'SOFTWARE_TOKEN_MFA' && (totp.PreferredMfa === false || totp.Enabled === false)) delete mfa.preferred;
  }
  if (sms) {
    if (sms.Enabled && !user.attrs.phone_number) throw new InvalidParameterException('User does not have delivery config set to turn on SMS_MFA');
    mfa.sms = sms.Enabled ?? mfa.sms;
    if (sms.PreferredMfa && sms.Enabled !== false) mfa.preferred = 'SMS_MFA';
    else if (mfa.preferred === 'SMS_MFA' && (sms.PreferredMfa === false || sms.Enabled === false)) delete mfa.preferred;
  }
  return mfa;
}

export class MfaOps implements Pick<Api, Ops> {
  constructor(private readonly core: CognitoCore) {}

  async AssociateSoftwareToken(_ctx: RequestContext, input: { AccessToken?: string; Session?: string }) {
    const secret = newTotpSecret();
    if (input.AccessToken) {
      const { pool, user } = await verifyAccessToken(this.core, input.AccessToken);
      await this.core.db.tx((tx) => this.core.putUser(tx, pool, { ...user, totp: { secret, verified: false }, modified: this.core.now() }));
      return { SecretCode: secret };
    }
    if (!input.Session) throw new InvalidParameterException('Either AccessToken or Session must be provided.');
    const { poolId, doc } = await this.takeAnyClient(input.Session);
    const pool = await this.core.pool(poolId);
    const client = await this.core.client(doc.clientId);
    const Session = await newSession(this.core, pool, client, { ...doc, totp: { secret, verified: false } });
    return { SecretCode: secret, Session };
  }

  async VerifySoftwareToken(_ctx: RequestContext, input: { AccessToken?: string; Session?: string; UserCode: string; FriendlyDeviceName?: string }) {
    if (input.AccessToken) {
      const { pool, user } = await verifyAccessToken(this.core, input.AccessToken);
      if (!user.totp) throw new SoftwareTokenMFANotFoundException('Software Token MFA has not been associated with the user.');
      if (!totpValid(user.totp.secret, input.UserCode, this.core.now())) throw new EnableSoftwareTokenMFAException('Code mismatch');
      await this.core.db.tx((tx) => this.core.putUser(tx, pool, { ...user, totp: { ...user.totp!, verified: true }, mfa: { ...user.mfa, totp: true }, modified: this.core.now() }));
      return { Status: 'SUCCESS' as const };
    }
    if (!input.Session) throw new InvalidParameterException('Either AccessToken or Session must be provided.');
    const { poolId, doc } = await this.takeAnyClient(input.Session);
    if (!doc.totp) throw new SoftwareTokenMFANotFoundException('Software Token MFA has not been associated with the user.');
    const pool = await this.core.pool(poolId);
    const client = await this.core.client(doc.clientId);
    if (!totpValid(doc.totp.secret, input.UserCode, this.core.now())) {
      // The session stays usable for another try, as AWS's does.
      await newSession(this.core, pool, client, doc, input.Session);
      throw new EnableSoftwareTokenMFAException('Code mismatch');
    }
    const Session = await newSession(this.core, pool, client, { ...doc, totp: { ...doc.totp, verified: true } });
    return { Status: 'SUCCESS' as const, Session };
  }

  private async takeAnyClient(session: string) {
    // The session names its client; AssociateSoftwareToken and VerifySoftwareToken carry none.
    const peek = await this.core.db.get<{ doc: string }>('SELECT doc FROM cognito_sessions WHERE id = ?', [hashToken(session)]);
    const clientId = peek ? (JSON.parse(peek.doc) as { clientId: string }).clientId : '';
    return takeSession(this.core, session, clientId, 'MFA_SETUP');
  }

  async SetUserMFAPreference(_ctx: RequestContext, input: { AccessToken: string; SMSMfaSettings?: SMSMfaSettingsType; SoftwareTokenMfaSettings?: SoftwareTokenMfaSettingsType; EmailMfaSettings?: SMSMfaSettingsType }) {
    const { pool, user } = await verifyAccessToken(this.core, input.AccessToken);
    const mfa = preferences(user, input.SMSMfaSettings, input.SoftwareTokenMfaSettings, input.EmailMfaSettings);
    await this.core.db.tx((tx) => this.core.putUser(tx, pool, { ...user, mfa, modified: this.core.now() }));
    return {};
  }

  async AdminSetUserMFAPreference(ctx: RequestContext, input: { UserPoolId: string; Username: string; SMSMfaSettings?: SMSMfaSettingsType; SoftwareTokenMfaSettings?: SoftwareTokenMfaSettingsType; EmailMfaSettings?: SMSMfaSettingsType }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const user = await this.core.mustFindUser(pool, input.Username);
    const mfa = preferences(user, input.SMSMfaSettings, input.SoftwareTokenMfaSettings, input.EmailMfaSettings);
    await this.core.db.tx((tx) => this.core.putUser(tx, pool, { ...user, mfa, modified: this.core.now() }));
    return {};
  }
}
