/**
 * DynamoDB numbers: up to 38 significant decimal digits, magnitude between 1E-130 and
 * 9.99...E+125, exact decimal arithmetic (never JavaScript doubles).
 *
 * A number is held as sign, significant digits (no leading or trailing zeros) and an exponent
 * such that value = sign * 0.DIGITS * 10^exp. The canonical text (what DynamoDB returns) is the
 * plain decimal form without exponent, e.g. "1.50" -> "1.5", "1E2" -> "100".
 */
import { AwsError } from '../../aws/errors.js';

export interface Decimal {
  sign: -1 | 0 | 1;
  digits: string;
  exp: number;
}

const NUMBER_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const MAX_DIGITS = 38;
const MAX_EXP = 126; // 0.999.. x 10^126 = 9.99..E+125
const MIN_EXP = -129; // 0.1 x 10^-129 = 1E-130

export const ZERO: Decimal = { sign: 0, digits: '', exp: 0 };

export function numberError(message: string): AwsError {
  return new AwsError('ValidationException', message, 400);
}

/** Parses and range-checks a number as DynamoDB does; throws its ValidationException otherwise. */
export function parseNumber(text: unknown): Decimal {
  if (typeof text !== 'string' || text.length === 0) throw numberError('The parameter cannot be converted to a numeric value');
  const m = text.length <= 400 ? NUMBER_RE.exec(text) : null;
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
    throw numberError(`The parameter cannot be converted to a numeric value: ${text}`);
  }
  const intPart = m[2]!;
  const fracPart = m[3] ?? '';
  let e10 = m[4] ? Number(m[4]) : 0;
  if (!Number.isFinite(e10) || Math.abs(e10) > 1e6) {
    throw numberError(e10 > 0 ? 'Number overflow. Attempting to store a number with magnitude larger than supported range' : 'Number underflow. Attempting to store a number with magnitude smaller than supported range');
  }
  let all = intPart + fracPart;
  // value = 0.ALL * 10^(intPart.length + e10)
  let exp = intPart.length + e10;
  let start = 0;
  while (start < all.length && all.charCodeAt(start) === 48) start++;
  if (start === all.length) return ZERO;
  exp -= start;
  let end = all.length;
  while (all.charCodeAt(end - 1) === 48) end--;
  all = all.slice(start, end);
  const d: Decimal = { sign: m[1] === '-' ? -1 : 1, digits: all, exp };
  checkRange(d);
  return d;
}

export function checkRange(d: Decimal): void {
  if (d.sign === 0) return;
  if (d.exp > MAX_EXP) throw numberError('Number overflow. Attempting to store a number with magnitude larger than supported range');
  if (d.exp < MIN_EXP) throw numberError('Number underflow. Attempting to store a number with magnitude smaller than supported range');
  if (d.digits.length > MAX_DIGITS) throw numberError('Attempting to store more than 38 significant digits in a Number');
}

/** The canonical text of a number. */
export function formatNumber(d: Decimal): string {
  if (d.sign === 0) return '0';
  const { digits, exp } = d;
  let s: string;
  if (exp <= 0) s = '0.' + '0'.repeat(-exp) + digits;
  else if (exp >= digits.length) s = digits + '0'.repeat(exp - digits.length);
  else s = digits.slice(0, exp) + '.' + digits.slice(exp);
  return d.sign < 0 ? '-' + s : s;
}

/** Validates and canonicalizes a number's text. */
export function canonicalNumber(text: unknown): string {
  return formatNumber(parseNumber(text));
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  if (a.sign !== b.sign) return a.sign < b.sign ? -1 : 1;
  if (a.sign === 0) return 0;
  let c: number;
  if (a.exp !== b.exp) c = a.exp < b.exp ? -1 : 1;
  else c = a.digits < b.digits ? -1 : a.digits > b.digits ? 1 : 0;
  return a.sign > 0 ? c : -c;
}

export function compareNumbers(a: string, b: string): number {
  if (a === b) return 0;
  return compareDecimal(parseNumber(a), parseNumber(b));
}

function toScaled(d: Decimal): { int: bigint; scale: number } {
  // value = int * 10^scale
  const int = BigInt(d.digits) * BigInt(d.sign);
  return { int, scale: d.exp - d.digits.length };
}

function fromScaled(int: bigint, scale: number): Decimal {
  if (int === 0n) return ZERO;
  const sign: -1 | 1 = int < 0n ? -1 : 1;
  let digits = (int < 0n ? -int : int).toString();
  let exp = scale + digits.length;
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  return { sign, digits, exp };
}

/** a + b, exactly; the result must fit DynamoDB's range and precision. */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.sign === 0) return b;
  if (b.sign === 0) return a;
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.min(x.scale, y.scale);
  if (Math.max(x.scale, y.scale) - scale > 400) {
    // The smaller operand cannot be represented next to the larger one in 38 digits.
    throw numberError('Attempting to store more than 38 significant digits in a Number');
  }
  const sum = x.int * 10n ** BigInt(x.scale - scale) + y.int * 10n ** BigInt(y.scale - scale);
  const r = fromScaled(sum, scale);
  checkRange(r);
  return r;
}

export function negate(d: Decimal): Decimal {
  return d.sign === 0 ? d : { sign: d.sign === 1 ? -1 : 1, digits: d.digits, exp: d.exp };
}

export function addNumbers(a: string, b: string): string {
  return formatNumber(addDecimal(parseNumber(a), parseNumber(b)));
}

export function subtractNumbers(a: string, b: string): string {
  return formatNumber(addDecimal(parseNumber(a), negate(parseNumber(b))));
}

/**
 * A byte string whose memcmp order is the numeric order:
 * negative: 0x00, inverted exponent, inverted digits, 0xFF; zero: 0x01;
 * positive: 0x02, exponent, digits.
 */
export function encodeNumberKey(text: string): Buffer {
  const d = parseNumber(text);
  if (d.sign === 0) return Buffer.from([0x01]);
  const n = d.digits.length;
  if (d.sign > 0) {
    const buf = Buffer.allocUnsafe(n + 2);
    buf[0] = 0x02;
    buf[1] = d.exp - MIN_EXP;
    for (let i = 0; i < n; i++) buf[i + 2] = d.digits.charCodeAt(i) - 47; // 1..10
    return buf;
  }
  const buf = Buffer.allocUnsafe(n + 3);
  buf[0] = 0x00;
  buf[1] = 255 - (d.exp - MIN_EXP);
  for (let i = 0; i < n; i++) buf[i + 2] = 58 - d.digits.charCodeAt(i); // 10..1
  buf[n + 2] = 0xff;
  return buf;
}

/** Significant-digit based size AWS charges for a number: roughly 1 byte per 2 digits, plus 1. */
export function numberSize(text: string): number {
  const d = parseNumber(text);
  if (d.sign === 0) return 1;
  // Digits are stored in base-100 pairs aligned on the decimal point.
  const lead = d.exp % 2 !== 0 ? 1 : 0;
  const pairs = Math.ceil((d.digits.length + lead) / 2);
  return pairs + 1;
}
