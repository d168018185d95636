import { StatesError } from '../errors.js';
import { evaluateExpression, evaluateTemplate, evaluationError, isJsonataExpr } from '../jsonata.js';
import { RetryingStateRun } from '../retry.js';
import {
  BranchCancelled,
  CancelToken,
  compact,
  queryLanguageOf,
  type Frame,
  type QueryLanguage,
  type StateDefinition,
  type StateMachineDefinition,
  type StateResult,
} from '../types.js';
import { runMapRun } from './distributed-map.js';
import { readItems, writeResults, type ChildRecord, type S3Caller } from './map-s3.js';

/**
 * Map: runs its item processor once per item (selected by ItemSelector, grouped by ItemBatcher). Inline
 * iterations are threads of this execution; a distributed Map runs them as child executions (a map run).
 */
export class MapState extends RetryingStateRun {
  protected override async attempt(): Promise<StateResult> {
    const s = this.state;
    const processor = (s.ItemProcessor ?? s.Iterator) as StateMachineDefinition;
    const mode = (processor?.ProcessorConfig?.Mode as string | undefined) ?? 'INLINE';
    const distributed = mode === 'DISTRIBUTED';
    if (s.ResultWriter !== undefined && !distributed) throw this.runtime('The ResultWriter field is supported by DISTRIBUTED Map states only.');
    const { items, selectorInput } = s.ItemReader !== undefined ? await this.readFromItemReader() : await this.readItems();
    const maxConcurrency = (await this.numberField('MaxConcurrency', 0)) ?? 0;
    let toleratedCount: number | undefined;
    let toleratedPct: number | undefined;
    this.execution.emit(this.frame, 'MapStateStarted', 'mapStateStartedEventDetails', { length: items.length });
    if (distributed) {
      toleratedCount = await this.toleratedFailureThreshold('ToleratedFailureCount');
      toleratedPct = await this.toleratedFailureThreshold('ToleratedFailurePercentage');
    }
    const selected = await this.selectItems(items, selectorInput);
    const work = await this.batchItems(selected, selectorInput);
    const queryLanguage = queryLanguageOf(processor, this.queryLanguage);
    if (distributed) {
      const outputs = await runMapRun({
        execution: this.execution,
        frame: this.frame,
        label: typeof s.Label === 'string' ? s.Label : this.name,
        processor,
        work,
        items,
        maxConcurrency,
        toleratedCount,
        toleratedPct,
        queryLanguage,
        batched: s.ItemBatcher !== undefined,
        writer: s.ResultWriter !== undefined ? await this.resultWriter() : undefined,
      });
      return this.finish(outputs as unknown[]);
    }
    return this.runInline(processor, work, items, maxConcurrency, queryLanguage);
  }

  /** The items (Items, ItemsPath, or the input) and the input ItemSelector sees as `$`. */
  private async readItems(): Promise<{ items: unknown[]; selectorInput: unknown }> {
    const s = this.state;
    let items: unknown;
    let selectorInput: unknown;
    if (this.queryLanguage === 'JSONata') {
      if (s.Items !== undefined) {
        // A JSONata expression, or an array whose elements may themselves be `{% %}` expressions
        // (AWS evaluates them: [1, "{% $number('2') %}", 3] gives [1, 2, 3]).
        items = isJsonataExpr(s.Items)
          ? await evaluateExpression(s.Items, this.jsonataScope(), 'Items')
          : Array.isArray(s.Items)
            ? await evaluateTemplate(s.Items, this.jsonataScope(), 'Items')
            : s.Items;
        if (!Array.isArray(items))
          throw evaluationError(
            `${this.prefix} The JSONata expression '${isJsonataExpr(s.Items) ? String(s.Items).replace(/^\{%\s*/, '').replace(/\s*%\}$/, '') : compact(s.Items)}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${jsonType(items)}' for value: ${compact(items)}`,
            'Items',
          );
      } else {
        items = this.rawInput;
        if (!Array.isArray(items))
          throw evaluationError(`${this.prefix} Map state input must be an array but was: ${compact(items)}`, undefined);
      }
      selectorInput = this.rawInput;
    } else {
      const v = this.applyInputPath();
      selectorInput = v;
      items = typeof s.ItemsPath === 'string' ? this.path(s.ItemsPath, v) : v;
      if (!Array.isArray(items))
        throw this.runtime(`Map state input must be an array but was: ${jsonType(items) === 'object' ? 'Object' : jsonType(items)}`);
    }
    return { items: items as unknown[], selectorInput };
  }

  /** ItemReader: the items from S3 (map-s3.ts); ItemSelector sees the state input as `$`. */
  private async readFromItemReader(): Promise<{ items: unknown[]; selectorInput: unknown }> {
    const reader = this.state.ItemReader as StateDefinition;
    const selectorInput = this.queryLanguage === 'JSONata' ? this.rawInput : this.applyInputPath();
    const parameters = (await this.integrationArguments(reader, 'ItemReader', selectorInput)) as Record<string, unknown>;
    const config = { ...((reader.ReaderConfig as Record<string, unknown> | undefined) ?? {}) };
    if (typeof config.MaxItemsPath === 'string') config.MaxItems = this.path(config.MaxItemsPath, selectorInput);
    else if (this.queryLanguage === 'JSONata' && isJsonataExpr(config.MaxItems)) config.MaxItems = await this.evaluateJsonata(config.MaxItems, 'ItemReader/ReaderConfig/MaxItems');
    const items = await readItems(this.s3Caller(), String(reader.Resource), parameters, config);
    return { items, selectorInput };
  }

  /** ResultWriter: writes the map run's results to S3; the Map's result names the manifest. */
  private async resultWriter(): Promise<(mapRunArn: string, children: ChildRecord[]) => Promise<unknown>> {
    const writer = this.state.ResultWriter as StateDefinition;
    const input = this.queryLanguage === 'JSONata' ? this.rawInput : this.applyInputPath();
    const parameters = (await this.integrationArguments(writer, 'ResultWriter', input)) as Record<string, unknown>;
    return (mapRunArn, children) => writeResults(this.s3Caller(), parameters, mapRunArn, children);
  }

  /** A reader's or writer's Parameters (JSONPath) or Arguments (JSONata), evaluated. */
  private async integrationArguments(field: StateDefinition, location: string, input: unknown): Promise<unknown> {
    if (this.queryLanguage === 'JSONata') return field.Arguments === undefined ? {} : this.evaluateJsonata(field.Arguments, `${location}/Arguments`);
    return field.Parameters === undefined ? {} : this.payload(field.Parameters, input);
  }

  private s3Caller(): S3Caller {
    return { tasks: this.execution.tasks, info: this.execution.info, stateName: this.name, signal: new AbortController().signal };
  }

  /** ItemSelector (or Parameters) applied to each item, with $$.Map.Item set. */
  private async selectItems(items: unknown[], selectorInput: unknown): Promise<unknown[]> {
    const s = this.state;
    const selected: unknown[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (this.queryLanguage === 'JSONata') {
        const sel = s.ItemSelector;
        if (sel !== undefined)
          selected.push(await this.evaluateJsonata(sel, 'ItemSelector', { context: { ...this.context(), Map: { Item: { Index: i, Value: item } } } }));
        else selected.push(item);
      } else if (s.ItemSelector !== undefined || s.Parameters !== undefined) {
        const outer = this.frame.mapItem;
        this.frame.mapItem = { Index: i, Value: item };
        try {
          selected.push(this.payload(s.ItemSelector ?? s.Parameters, selectorInput));
        } finally {
          this.frame.mapItem = outer;
        }
      } else selected.push(item);
    }
    return selected;
  }

  /** ItemBatcher: groups the items into batches ({ Items, BatchInput }). */
  private async batchItems(selected: unknown[], selectorInput: unknown): Promise<unknown[]> {
    if (!this.state.ItemBatcher) return selected;
    const b = this.state.ItemBatcher as StateDefinition;
    const maxItems = typeof b.MaxItemsPerBatch === 'number' ? b.MaxItemsPerBatch : selected.length || 1;
    const batchInput =
      b.BatchInput !== undefined
        ? this.queryLanguage === 'JSONata'
          ? await this.evaluateJsonata(b.BatchInput, 'ItemBatcher/BatchInput')
          : this.payload(b.BatchInput, selectorInput)
        : undefined;
    const work: unknown[] = [];
    for (let i = 0; i < selected.length; i += maxItems) {
      const batch: Record<string, unknown> = { Items: selected.slice(i, i + maxItems) };
      if (batchInput !== undefined) batch.BatchInput = batchInput;
      work.push(batch);
    }
    return work;
  }

  /** Iterations as threads of this execution, at most `maxConcurrency` at a time; the first failure stops the others. */
  private async runInline(
    processor: StateMachineDefinition,
    work: unknown[],
    items: unknown[],
    maxConcurrency: number,
    queryLanguage: QueryLanguage,
  ): Promise<StateResult> {
    const outputs: unknown[] = new Array(work.length);
    let failure: { e: unknown; frame: Frame } | undefined;
    let lastIterationEnd = this.frame.last;
    const limit = maxConcurrency > 0 ? maxConcurrency : work.length || 1;
    let nextIndex = 0;
    const running = new Set<Frame>();
    const runOne = async (i: number): Promise<void> => {
      const frame: Frame = {
        cancel: new CancelToken(this.frame.cancel),
        last: lastIterationEnd,
        scope: { vars: {}, parent: this.frame.scope },
        top: false,
        mapItem: { Index: i, Value: items[i] },
        queryLanguage,
      };
      this.execution.emit(frame, 'MapIterationStarted', 'mapIterationStartedEventDetails', { index: i, name: this.name });
      running.add(frame);
      try {
        outputs[i] = await this.execution.runProgram(processor, work[i], frame);
        this.execution.emit(frame, 'MapIterationSucceeded', 'mapIterationSucceededEventDetails', { index: i, name: this.name }, { update: false });
        lastIterationEnd = frame.last;
      } catch (e) {
        if (e instanceof BranchCancelled && !this.frame.cancel?.cancelled) {
          this.execution.emit(frame, 'MapIterationAborted', 'mapIterationAbortedEventDetails', { index: i, name: this.name }, { update: false });
          return;
        }
        if (e instanceof StatesError)
          this.execution.emit(frame, 'MapIterationFailed', 'mapIterationFailedEventDetails', { index: i, name: this.name }, { update: false });
        lastIterationEnd = frame.last;
        if (!failure) {
          failure = { e, frame };
          // The other running iterations stop, as in AWS.
          for (const f of running) if (f !== frame) f.cancel?.cancel();
        }
      } finally {
        running.delete(frame);
      }
    };
    const workers: Promise<void>[] = [];
    for (let w = 0; w < Math.min(limit, work.length); w++) {
      workers.push(
        (async () => {
          while (!failure && nextIndex < work.length) {
            const i = nextIndex++;
            await runOne(i);
          }
        })(),
      );
    }
    await Promise.all(workers);
    if (failure) {
      this.frame.last = failure.frame.last;
      if (failure.e instanceof StatesError) failure.e.needsStateFailed = true;
      throw failure.e;
    }
    if (work.length > 0) this.frame.last = this.execution.lastEventId;
    this.execution.emit(this.frame, 'MapStateSucceeded', undefined, undefined, { update: false });
    return this.finish(outputs);
  }

  /** ToleratedFailureCount or ToleratedFailurePercentage (a number, a `...Path`, or JSONata), checked as AWS does. */
  private async toleratedFailureThreshold(field: 'ToleratedFailureCount' | 'ToleratedFailurePercentage'): Promise<number | undefined> {
    const s = this.state;
    const v = s[field];
    if (this.queryLanguage === 'JSONata' && isJsonataExpr(v)) {
      const n = await evaluateExpression(v, this.jsonataScope(), field);
      return typeof n === 'number' ? n : undefined;
    }
    if (typeof v === 'number') return v;
    const p = s[`${field}Path`];
    if (typeof p === 'string') {
      const raw = this.path(p, this.rawInput);
      const n = typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
      const shown = typeof raw === 'string' ? raw : compact(raw);
      if (field === 'ToleratedFailureCount') {
        if (typeof n !== 'number' || !Number.isInteger(n))
          throw this.runtime(`The ToleratedFailureCountPath field refers to value "${shown}" which is not a valid integer: ${p}`);
        if (n < 0) throw this.runtime('ToleratedFailureCount cannot be negative.');
      } else {
        if (typeof n !== 'number') throw this.runtime(`The ToleratedFailurePercentagePath field refers to value "${shown}" which is not a valid float: ${p}`);
        if (n < 0 || n > 100) throw this.runtime('ToleratedFailurePercentage must be between 0 and 100.');
      }
      return n;
    }
    return undefined;
  }
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
