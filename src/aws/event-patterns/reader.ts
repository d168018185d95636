import { JsonTokenizer, PatternSyntaxError, locate, type Token } from './json-tokens.js';

/**
 * An invalid pattern, with AWS's reason. Most reasons carry the parser's location, as the engine's
 * JsonParseException does ("\n at [Source: (String)"..."; line: 1, column: 40]"); a few (CIDR, some
 * number faults) come from other exceptions and have none. Where the engine catches its own exception
 * and raises it again, the location appears twice, as it does on AWS.
 */
export class EventPatternError extends Error {
  constructor(
    readonly reason: string,
    readonly source: string,
    readonly location?: { readonly line: number; readonly column: number },
    readonly repeated: 1 | 2 = 1,
  ) {
    super(reason);
  }

  /** The engine's exception message: the reason and its location(s). */
  detail(): string {
    if (!this.location) return this.reason;
    const max = 500;
    const shown = this.source.length > max ? `${this.source.slice(0, max)}"[truncated ${this.source.length - max} chars]` : `${this.source}"`;
    const at = `\n at [Source: (String)"${shown}; line: ${this.location.line}, column: ${this.location.column}]`;
    return this.reason + at.repeat(this.repeated);
  }

  /** EventBridge's InvalidEventPatternException message. */
  awsMessage(): string {
    return `Event pattern is not valid. Reason: ${this.detail()}`;
  }
}

/** The compiler's cursor over the pattern's tokens, failing with AWS's reasons and locations. */
export class PatternReader {
  private readonly tokens: JsonTokenizer;
  private current: Token | undefined;
  private textRead = false;

  constructor(readonly source: string) {
    this.tokens = new JsonTokenizer(source);
  }

  /** The first token, undefined for blank text (which the engine reports as not an object). */
  first(): Token | undefined {
    return this.advance();
  }

  next(): Token {
    return this.advance()!;
  }

  private advance(): Token | undefined {
    try {
      this.current = this.tokens.next();
    } catch (e) {
      throw this.converted(e);
    }
    this.textRead = false;
    return this.current;
  }

  /** A string's value (which moves Jackson's location past its closing quote). */
  text(t: Token): string {
    if (t.deferred) throw this.converted(t.deferred);
    if (t === this.current) this.textRead = true;
    return t.text;
  }

  fail(reason: string): never {
    const t = this.current;
    const offset = !t ? this.source.length : t.type === 'name' || (t.type === 'string' && !this.textRead) ? t.shallowEnd : t.end;
    throw new EventPatternError(reason, this.source, locate(this.source, offset));
  }

  /** A reason the engine raises outside its parser, without a location. */
  failPlain(reason: string): never {
    throw new EventPatternError(reason, this.source);
  }

  /**
   * Runs `read` as the engine runs code inside its own catch-and-raise-again: a located failure comes out
   * with its location repeated, an unlocated one (a number fault) with the parser's location added.
   */
  reraising<T>(read: () => T): T {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof EventPatternError)) throw e;
      if (!e.location) this.fail(e.reason);
      throw new EventPatternError(e.reason, e.source, e.location, 2);
    }
  }

  private converted(e: unknown): unknown {
    return e instanceof PatternSyntaxError ? new EventPatternError(e.reason, this.source, locate(this.source, e.offset)) : e;
  }
}
