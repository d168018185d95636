/**
 * Known AWS behaviour changes, for a corpus that mixes recordings made before and after them.
 *
 * Stratus follows AWS as it behaves now (the newest recordings). A recording made before one of
 * these changes shows the old behaviour; for such a recording, and only for it, the comparator
 * rewrites exactly the one difference in Stratus's response back to the old shape, and only when
 * the recorded value itself shows the old shape. Recordings made on or after a change's cut-off
 * date are compared unchanged, so the new behaviour stays pinned by them.
 *
 * The recordings are the evidence: each change names the last recording that shows the old
 * behaviour and the first that shows the new one. Where AWS documents the date, it is the cut-off;
 * otherwise the cut-off is the date of the first recording that shows the new behaviour.
 */

export interface VintageChange {
  id: string;
  /** What changed, in one line. */
  what: string;
  /** Recordings dated before this day (YYYY-MM-DD) are pre-change. */
  cutoff: string;
  /** Why the cut-off is that day: AWS documentation or the recordings that bracket the change. */
  source: string;
}

export const VINTAGE_CHANGES: readonly VintageChange[] = [
  {
    id: 'redrive-count-in-list-executions',
    what: 'ListExecutions items carry redriveCount (execution redrive launched)',
    cutoff: '2023-11-15',
    source:
      'AWS docs, "Redriving executions" (docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html): redrive applies to executions started on or after November 15, 2023. ' +
      'Recordings: test_sfn_api_versioning::test_start_version_execution (17-08-2023) lacks redriveCount; test_sfn_api::test_state_machine_status_filter (14-03-2024) has it.',
  },
  {
    id: 'describe-state-machine-encryption-configuration',
    what: 'DescribeStateMachine / DescribeStateMachineForExecution answer encryptionConfiguration ({"type": "AWS_OWNED_KEY"} by default)',
    cutoff: '2024-11-20',
    source:
      'Recordings: the 25 DescribeStateMachine recordings dated 22-06-2023 .. 11-06-2024 (last: test_sfn_api::test_describe_sm_arn_containing_punctuation, 11-06-2024) lack it; ' +
      'test_sfn_api_variable_references::test_base_variable_references_in_jsonata_template[CHOICE_CONDITION_CONSTANT_JSONATA] (20-11-2024, the first after) and every later one have it. ' +
      'AWS added customer managed KMS keys for state machines in between (docs: "Data at rest encryption in Step Functions"); the exact day is not documented, so the cut-off is the first recording with the field.',
  },
  {
    id: 'map-state-exited-after-map-run',
    what: 'after a distributed Map, MapStateExited links previousEventId to MapRunStarted (was: MapRunSucceeded)',
    cutoff: '2024-11-15',
    source:
      'Recordings: the 10 distributed-Map histories dated 08-02-2024 .. 20-07-2024 (last: test_base_scenarios::test_map_state_label, 20-07-2024) link MapStateExited to MapRunSucceeded; ' +
      'test_base_scenarios::test_map_state_config_distributed_item_selector_parameters (15-11-2024, the first after) and the 3 later ones link it to MapRunStarted. The exact day is not documented, so the cut-off is the first recording with the new link.',
  },
];

interface EntryContext {
  recorded: string | undefined;
  touched: Set<string>;
}

let current: EntryContext | undefined;

/** "DD-MM-YYYY, HH:MM:SS" (the snapshot's recorded-date) -> "YYYY-MM-DD". */
export function recordedDay(recordedDate: string | undefined): string | undefined {
  const m = /^(\d{2})-(\d{2})-(\d{4})/.exec(recordedDate ?? '');
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

/** Starts comparing one corpus entry recorded on `recordedDate` (the snapshot's format). */
export function beginEntry(recordedDate: string | undefined): void {
  current = { recorded: recordedDay(recordedDate), touched: new Set() };
}

/** Ends the entry; returns the ids of the changes whose normalisation was applied to it. */
export function endEntry(): string[] {
  const out = current ? [...current.touched] : [];
  current = undefined;
  return out;
}

/** Whether the entry being compared was recorded before change `id`. Unknown dates are never pre-change. */
function preChange(id: string): boolean {
  const change = VINTAGE_CHANGES.find((c) => c.id === id);
  if (!change || !current?.recorded) return false;
  return current.recorded < change.cutoff;
}

function touch(id: string): void {
  current?.touched.add(id);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Object-level normalisations, called by the comparator for every (recorded, actual) object pair.
 * Returns `actual` itself, or a copy with exactly one pre-change difference rewritten.
 */
export function vintageObject(expected: Record<string, unknown>, actual: Record<string, unknown>): Record<string, unknown> {
  // A DescribeStateMachine(-ForExecution) response recorded before encryptionConfiguration existed.
  if (
    'stateMachineArn' in expected &&
    'definition' in expected &&
    'roleArn' in expected &&
    !('encryptionConfiguration' in expected) &&
    isObject(actual.encryptionConfiguration) &&
    actual.encryptionConfiguration.type === 'AWS_OWNED_KEY' &&
    Object.keys(actual.encryptionConfiguration).length === 1 &&
    preChange('describe-state-machine-encryption-configuration')
  ) {
    touch('describe-state-machine-encryption-configuration');
    const { encryptionConfiguration, ...rest } = actual;
    void encryptionConfiguration;
    return rest;
  }
  // A ListExecutions item (executionArn, status, no input) recorded before redrive existed: an
  // execution never redriven now answers redriveCount 0.
  if (
    'executionArn' in expected &&
    'status' in expected &&
    'startDate' in expected &&
    !('input' in expected) &&
    !('redriveCount' in expected) &&
    actual.redriveCount === 0 &&
    preChange('redrive-count-in-list-executions')
  ) {
    touch('redrive-count-in-list-executions');
    const { redriveCount, ...rest } = actual;
    void redriveCount;
    return rest;
  }
  return actual;
}

type Ev = Record<string, unknown>;

/**
 * History-level normalisation: in a history recorded before the MapStateExited change, where the
 * recorded MapStateExited links to MapRunSucceeded, Stratus's MapStateExited (linked to
 * MapRunStarted) is relinked to the MapRunSucceeded of the same map run. Any other link is left
 * as it is, so it still fails.
 */
export function vintageHistory(expected: Ev[], actual: Ev[]): Ev[] {
  if (!preChange('map-state-exited-after-map-run')) return actual;
  const typeById = (events: Ev[]) => new Map(events.filter((e) => typeof e.id === 'number').map((e) => [e.id as number, e.type as string]));
  const expectedTypes = typeById(expected);
  const oldLinks = expected.filter((e) => e.type === 'MapStateExited' && expectedTypes.get(e.previousEventId as number) === 'MapRunSucceeded').length;
  if (oldLinks === 0) return actual;
  let rewritten = 0;
  const out = actual.map((e, i) => {
    if (rewritten >= oldLinks || e.type !== 'MapStateExited') return e;
    const startIdx = actual.findIndex((x) => x.id === e.previousEventId);
    if (startIdx < 0 || actual[startIdx]!.type !== 'MapRunStarted') return e;
    const succeeded = actual.slice(startIdx + 1, i).find((x) => x.type === 'MapRunSucceeded');
    if (!succeeded) return e;
    rewritten++;
    return { ...e, previousEventId: succeeded.id };
  });
  if (rewritten) touch('map-state-exited-after-map-run');
  return out;
}
