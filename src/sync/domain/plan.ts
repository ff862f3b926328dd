/**
 * Turns a reviewed pending row into the writes for each system and the base the association
 * keeps afterwards. Pure: the engine journals and performs the writes.
 */
import type { Direction, FieldChange, PendingRow, Problem, RowDecision } from '../../contract/pending';
import { CANONICAL_FIELDS, isCustomFieldKey, type FieldKey, type Values } from './customer';
import { rowVersion } from './version';

export interface PlannedWrite {
  field: string;
  direction: Direction;
  /** The target's value before the write; null when the run creates the target record. */
  before: string | null;
  after: string;
}

export interface RowPlan {
  toBob: Values;
  toCrm: Values;
  /** What the association's base becomes once the writes land; null when it must not move. */
  newBase: Values | null;
  problems: Problem[];
  writes: PlannedWrite[];
}

/** Canonical values of the row's records, re-read at apply time (see canonicalPair). */
export interface CurrentValues {
  bob: Values | null;
  crm: Values | null;
}

const BLOCKED_KINDS = new Set<PendingRow['kind']>(['duplicate', 'removed']);
const CANONICAL = new Set<string>(CANONICAL_FIELDS);

function asFieldKey(field: string): FieldKey {
  if (CANONICAL.has(field) || isCustomFieldKey(field)) return field as FieldKey;
  throw new Error(`"${field}" is not a field of the canonical customer.`);
}

const emptyPlan = (problems: Problem[]): RowPlan => ({ toBob: {}, toCrm: {}, newBase: null, problems, writes: [] });

function decisionProblems(row: PendingRow, decision: RowDecision | undefined): Problem[] {
  const problems: Problem[] = [];
  if (BLOCKED_KINDS.has(row.kind)) {
    problems.push({
      key: row.key,
      field: null,
      code: 'blocked',
      message: `Row ${row.key} cannot be synchronised (${row.blockedReason}): skip it or mark it never.`,
    });
  }
  const changes = new Map(row.changes.map((change) => [change.field, change]));
  for (const field of Object.keys(decision?.directions ?? {})) {
    const change = changes.get(field);
    if (change === undefined) {
      const message = `Row ${row.key} has no change on ${field}.`;
      problems.push({ key: row.key, field, code: 'unknown_field', message });
    } else if (change.status !== 'conflict') {
      problems.push({
        key: row.key,
        field,
        code: 'direction_not_conflict',
        message: `${field} of row ${row.key} is not a conflict: its direction is ${change.status}.`,
      });
    }
  }
  return problems;
}

function directionOf(change: FieldChange, decision: RowDecision | undefined): Direction | null {
  if (change.status === 'converged') return null;
  if (change.status !== 'conflict') return change.status;
  const chosen = decision?.directions[change.field] ?? change.proposed;
  if (chosen === null) throw new Error(`Conflict on ${change.field} carries no proposed direction.`);
  return chosen;
}

/**
 * Without `current` the plan only checks the decision and lists the writes (dry review); the
 * base is then left null. With it, `current` must be the canonical values whose version the
 * engine has just checked against the row: a plan on other values would write the wrong thing.
 */
export function planRow(row: PendingRow, decision: RowDecision | undefined, current: CurrentValues | null): RowPlan {
  if (decision !== undefined && decision.key !== row.key) {
    throw new Error(`Decision for ${decision.key} given to row ${row.key}.`);
  }
  if (decision?.never === true || decision?.skip === true) return emptyPlan([]);
  const problems = decisionProblems(row, decision);
  if (problems.length > 0) return emptyPlan(problems);
  if (current !== null && rowVersion(current.bob, current.crm) !== row.version) {
    throw new Error(`Row ${row.key} is stale: its records changed since the pull.`);
  }

  const toBob: Values = {};
  const toCrm: Values = {};
  const writes: PlannedWrite[] = [];
  for (const change of row.changes) {
    const direction = directionOf(change, decision);
    if (direction === null) continue;
    const field = asFieldKey(change.field);
    const [after, before] = direction === 'bob>crm' ? [change.bob, change.crm] : [change.crm, change.bob];
    if (after === null) throw new Error(`Row ${row.key} has no ${direction} value to write on ${field}.`);
    (direction === 'bob>crm' ? toCrm : toBob)[field] = after;
    writes.push({ field, direction, before, after });
  }
  return { toBob, toCrm, newBase: current === null ? null : baseAfter(row, current, toBob, toCrm), problems, writes };
}

/**
 * After the writes both records hold the same canonical values on every compared field, so
 * either side's values with its writes applied is the new base. A record created by the run
 * holds what was written and blanks elsewhere, i.e. the other side's values.
 */
function baseAfter(row: PendingRow, current: CurrentValues, toBob: Values, toCrm: Values): Values {
  if (current.bob !== null) return { ...current.bob, ...toBob };
  if (current.crm !== null) return { ...current.crm, ...toCrm };
  throw new Error(`Row ${row.key} has no record on either side.`);
}
