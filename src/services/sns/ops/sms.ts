/**
 * Account SMS settings (Get/SetSMSAttributes) and the opt-out list (CheckIfPhoneNumberIsOptedOut,
 * ListPhoneNumbersOptedOut, OptInPhoneNumber). Nothing is sent: SMS deliveries go to the local inbox.
 */
import type { RequestContext } from '../../../core/context.js';
import type {
  CheckIfPhoneNumberIsOptedOutInput,
  CheckIfPhoneNumberIsOptedOutResponse,
  GetSMSAttributesInput,
  GetSMSAttributesResponse,
  ListPhoneNumbersOptedOutInput,
  ListPhoneNumbersOptedOutResponse,
  OptInPhoneNumberInput,
  OptInPhoneNumberResponse,
  SetSMSAttributesInput,
  SetSMSAttributesResponse,
  SNSApi,
} from '../../../generated/sns.js';
import { invalidParameter, type SnsCore } from '../core.js';
import { validPhone } from './subscriptions.js';

const SMS_ATTRIBUTES = new Set(['MonthlySpendLimit', 'DeliveryStatusIAMRole', 'DeliveryStatusSuccessSamplingRate', 'DefaultSenderID', 'DefaultSMSType', 'UsageReportS3Bucket']);

interface SmsRow {
  attrs: string;
  opted_out: string;
}

export class SmsOps implements Pick<SNSApi, 'GetSMSAttributes' | 'SetSMSAttributes' | 'CheckIfPhoneNumberIsOptedOut' | 'ListPhoneNumbersOptedOut' | 'OptInPhoneNumber'> {
  constructor(private readonly core: SnsCore) {}

  private async row(ctx: RequestContext): Promise<{ attrs: Record<string, string>; optedOut: string[] }> {
    const r = await this.core.db.get<SmsRow>('SELECT attrs, opted_out FROM sns_sms WHERE account = ? AND region = ?', [ctx.accountId, ctx.region]);
    return { attrs: r ? (JSON.parse(r.attrs) as Record<string, string>) : {}, optedOut: r ? (JSON.parse(r.opted_out) as string[]) : [] };
  }

  private async write(ctx: RequestContext, change: (cur: { attrs: Record<string, string>; optedOut: string[] }) => void): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const r = await tx.get<SmsRow>('SELECT attrs, opted_out FROM sns_sms WHERE account = ? AND region = ?', [ctx.accountId, ctx.region]);
      const cur = { attrs: r ? (JSON.parse(r.attrs) as Record<string, string>) : {}, optedOut: r ? (JSON.parse(r.opted_out) as string[]) : [] };
      change(cur);
      await tx.run(
        "INSERT INTO sns_sms (account, region, attrs, sandbox, opted_out) VALUES (?, ?, ?, '[]', ?) ON CONFLICT (account, region) DO UPDATE SET attrs = excluded.attrs, opted_out = excluded.opted_out",
        [ctx.accountId, ctx.region, JSON.stringify(cur.attrs), JSON.stringify(cur.optedOut)],
      );
    });
  }

  async GetSMSAttributes(ctx: RequestContext, input: GetSMSAttributesInput): Promise<GetSMSAttributesResponse> {
    const { attrs } = await this.row(ctx);
    const names = input.attributes && input.attributes.length > 0 ? input.attributes : Object.keys(attrs);
    return { attributes: Object.fromEntries(names.filter((n) => n in attrs).map((n) => [n, attrs[n]!])) };
  }

  async SetSMSAttributes(ctx: RequestContext, input: SetSMSAttributesInput): Promise<SetSMSAttributesResponse> {
    for (const [name, value] of Object.entries(input.attributes)) {
      if (!SMS_ATTRIBUTES.has(name)) throw invalidParameter(`${name} is not a valid attribute`);
      if (name === 'DefaultSMSType' && value !== 'Promotional' && value !== 'Transactional') throw invalidParameter('DefaultSMSType is invalid');
      if (name === 'DefaultSenderID' && !/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/.test(value)) throw invalidParameter('DefaultSendID is not a valid attribute');
      if ((name === 'MonthlySpendLimit' || name === 'DeliveryStatusSuccessSamplingRate') && !/^\d+$/.test(value)) throw invalidParameter(`${name} is invalid`);
    }
    await this.write(ctx, (cur) => Object.assign(cur.attrs, input.attributes));
    return {};
  }

  async CheckIfPhoneNumberIsOptedOut(ctx: RequestContext, input: CheckIfPhoneNumberIsOptedOutInput): Promise<CheckIfPhoneNumberIsOptedOutResponse> {
    if (!validPhone(input.phoneNumber)) throw invalidParameter('Invalid parameter: PhoneNumber Reason: input incorrectly formatted');
    const { optedOut } = await this.row(ctx);
    return { isOptedOut: optedOut.includes(input.phoneNumber) };
  }

  async ListPhoneNumbersOptedOut(ctx: RequestContext, _input: ListPhoneNumbersOptedOutInput): Promise<ListPhoneNumbersOptedOutResponse> {
    const { optedOut } = await this.row(ctx);
    return { phoneNumbers: optedOut };
  }

  async OptInPhoneNumber(ctx: RequestContext, input: OptInPhoneNumberInput): Promise<OptInPhoneNumberResponse> {
    if (!validPhone(input.phoneNumber)) throw invalidParameter('Invalid parameter: PhoneNumber Reason: input incorrectly formatted');
    await this.write(ctx, (cur) => {
      cur.optedOut = cur.optedOut.filter((p) => p !== input.phoneNumber);
    });
    return {};
  }
}
