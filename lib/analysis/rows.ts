import type { Table } from '@lancedb/lancedb';
import type { Step } from '../db';

/** Fetches full rows by LanceDB row id, in the order given (steps_json is read for these rows only). */
export async function takeRows(
  table: Table,
  rowIds: readonly bigint[],
  columns: readonly string[],
): Promise<Record<string, unknown>[]> {
  if (rowIds.length === 0) return [];
  const fetched = await table
    .takeRowIds(rowIds)
    .select([...columns])
    .withRowId()
    .toArray();
  const byId = new Map(
    fetched.map((row) => [BigInt(row._rowid as bigint | number), row as Record<string, unknown>]),
  );
  return rowIds.map((id) => byId.get(id)).filter((row): row is Record<string, unknown> => row !== undefined);
}

/** The stored steps of a trajectory; an unreadable value yields no steps rather than an error page. */
export function parseSteps(stepsJson: unknown): Step[] {
  if (typeof stepsJson !== 'string') return [];
  try {
    const steps = JSON.parse(stepsJson);
    return Array.isArray(steps) ? (steps as Step[]) : [];
  } catch {
    return [];
  }
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function clip(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A one-line summary of the first steps: `search("…") ✓ → python("…") ✗ Error: … → respond`. */
export function stepsPreview(steps: Step[], maxSteps = 4, maxChars = 300): string {
  const parts = steps.slice(0, maxSteps).map((step) => {
    const status = step.tool_status === 'error' ? ' ✗' : step.tool_status === 'success' ? ' ✓' : '';
    const args = text(step.action_input);
    const detail = step.tool_status === 'error' ? ` ${clip(text(step.observation), 60)}` : '';
    return `${step.action}${args ? `(${clip(args, 40)})` : ''}${status}${detail}`;
  });
  if (steps.length > maxSteps) parts.push(`… +${steps.length - maxSteps} steps`);
  return clip(parts.join(' → '), maxChars);
}
