/**
 * Numbers as AWS's rule engine compares them: a number is comparable only when its decimal text denotes a
 * double exactly (the engine checks BigDecimal(text) against BigDecimal.valueOf(double)), over the whole
 * double range. Others (0.30000000000000001, 1e400, 12345678901234567890) are compared by text only.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The decimal value of a numeral as sign, significant digits and exponent, for exact comparison. */
function normalise(text: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text)!;
  const all = `${m[2]}${m[3] ?? ''}`;
  const lead = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(lead).replace(/0+$/, '');
  if (digits === '') return '0';
  // Value = 0.digits × 10^(exponent): the position of the first significant digit decides the exponent.
  const exponent = Number(m[4] ?? 0) + (m[2]!.length - lead);
  return `${m[1] === '-' ? '-' : ''}${digits}e${exponent}`;
}

/** The double a numeral denotes when it denotes one exactly (Java BigDecimal syntax), else undefined. */
export function comparableNumber(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text) + 0; // BigDecimal has no negative zero
  if (!Number.isFinite(n)) return undefined;
  const shortest = String(n).replace('e+', 'e');
  return normalise(text) === normalise(shortest) ? n : undefined;
}

/** An interval of comparable numbers; absent bounds are the ends of the double range. */
export interface NumericRange {
  readonly lower?: number;
  readonly lowerOpen?: boolean;
  readonly upper?: number;
  readonly upperOpen?: boolean;
}

export function inNumericRange(range: NumericRange, n: number): boolean {
  if (range.lower !== undefined && (range.lowerOpen ? n <= range.lower : n < range.lower)) return false;
  if (range.upper !== undefined && (range.upperOpen ? n >= range.upper : n > range.upper)) return false;
  return true;
}
