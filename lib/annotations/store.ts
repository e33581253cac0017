import { randomUUID } from 'node:crypto';
import type { Table } from '@lancedb/lancedb';
import { Field, Int32, Schema, TimestampMillisecond, Utf8 } from 'apache-arrow';
import { connect, dbConfigFromEnv, openTrajectories, type DbConfig } from '../db';
import { sqlNumber, sqlString } from '../db/sql';
import { AnnotationError } from './errors';
import type { Annotation, CreateAnnotation, Target, UpdateAnnotation } from './schema';

/**
 * Team notes, stored beside the trajectories in their own LanceDB table, `annotations`, append-only: creating, editing
 * and deleting a note each append one record (`op`), numbered per note (`seq`: 1 for the create, +1 per change). The
 * current note is its record with the highest `seq` (ties, two processes editing at once: the later `updated_at`,
 * then the larger `record_id`); a note whose current record is a delete is gone. Appends never conflict in LanceDB,
 * so several server processes write at once without a lock.
 */
export const ANNOTATIONS_TABLE = 'annotations';

export type AnnotationOp = 'create' | 'update' | 'delete';

/** One stored record. */
export interface AnnotationRecord {
  record_id: string;
  id: string;
  seq: number;
  op: AnnotationOp;
  target_kind: Target['kind'];
  trajectory_id: string | null;
  data_id: string | null;
  training_id: string | null;
  epoch_id: number | null;
  label: string | null;
  note: string;
  author: string;
  /** When the note was created (the same in every record of it). */
  created_at: Date;
  /** When this record was written. */
  updated_at: Date;
}

export const annotationSchema = new Schema([
  new Field('record_id', new Utf8(), false),
  new Field('id', new Utf8(), false),
  new Field('seq', new Int32(), false),
  new Field('op', new Utf8(), false),
  new Field('target_kind', new Utf8(), false),
  new Field('trajectory_id', new Utf8(), true),
  new Field('data_id', new Utf8(), true),
  new Field('training_id', new Utf8(), true),
  new Field('epoch_id', new Int32(), true),
  new Field('label', new Utf8(), true),
  new Field('note', new Utf8(), false),
  new Field('author', new Utf8(), false),
  new Field('created_at', new TimestampMillisecond(), false),
  new Field('updated_at', new TimestampMillisecond(), false),
]);

/**
 * The configuration the notes of the database at `uri` are read with: the environment's (its storage options and
 * read consistency), for that URI.
 */
export function annotationsConfigFor(uri: string): DbConfig {
  const env = dbConfigFromEnv();
  return env.uri === uri ? env : { ...env, uri };
}

const tables = new Map<string, Promise<Table>>();

/**
 * The connection settings notes are read and written with: the database's, always checking for the latest version
 * (`readConsistencyInterval` 0), so a note shows on the next page or answer of every process, whichever module
 * instance of the server wrote it. A look at the latest version is one small read of the table's metadata.
 */
function notesConnection(config: DbConfig): DbConfig {
  return { ...config, readConsistencyInterval: 0 };
}

function isMissingTable(error: unknown): boolean {
  return error instanceof Error && error.message.includes(`Table '${ANNOTATIONS_TABLE}' was not found`);
}

/** The annotations table (kept open for the process), or null when no note was ever written. */
export async function openAnnotations(config: DbConfig): Promise<Table | null> {
  const key = JSON.stringify(notesConnection(config));
  const open = tables.get(key);
  if (open) return open;
  const db = await connect(notesConnection(config));
  let table: Table;
  try {
    table = await db.openTable(ANNOTATIONS_TABLE);
  } catch (error) {
    if (isMissingTable(error)) return null;
    throw error;
  }
  const opened = Promise.resolve(table);
  tables.set(key, opened);
  return opened;
}

async function openOrCreateAnnotations(config: DbConfig): Promise<Table> {
  const existing = await openAnnotations(config);
  if (existing) return existing;
  const db = await connect(notesConnection(config));
  try {
    const created = await db.createEmptyTable(ANNOTATIONS_TABLE, annotationSchema, { mode: 'create' });
    tables.set(JSON.stringify(notesConnection(config)), Promise.resolve(created));
    return created;
  } catch (error) {
    // Another process created it in the meantime.
    const table = await openAnnotations(config);
    if (table) return table;
    throw error;
  }
}

/** The version of the annotations table (0 while it does not exist): it changes with every note written. */
export async function annotationsVersion(config: DbConfig): Promise<number> {
  const table = await openAnnotations(config);
  return table ? table.version() : 0;
}

/** The notes as they are now, read once per table version. */
export interface AnnotationSet {
  version: number;
  /** Current notes, most recently changed first (ties: by id). */
  list: Annotation[];
  byId: Map<string, Annotation>;
}

function toTarget(record: AnnotationRecord): Target {
  switch (record.target_kind) {
    case 'trajectory':
      return { kind: 'trajectory', trajectory_id: record.trajectory_id ?? '' };
    case 'question':
      return { kind: 'question', data_id: record.data_id ?? '' };
    case 'group':
      return {
        kind: 'group',
        training_id: record.training_id ?? '',
        epoch_id: record.epoch_id ?? 0,
        data_id: record.data_id ?? '',
      };
  }
}

function toAnnotation(record: AnnotationRecord): Annotation {
  return {
    id: record.id,
    target: toTarget(record),
    label: record.label,
    note: record.note,
    author: record.author,
    created_at: record.created_at.toISOString(),
    updated_at: record.updated_at.toISOString(),
  };
}

function dateOf(value: unknown): Date {
  return value instanceof Date ? value : new Date(Number(value));
}

/** Whether record `a` supersedes record `b` of the same note. */
function later(a: AnnotationRecord, b: AnnotationRecord): boolean {
  if (a.seq !== b.seq) return a.seq > b.seq;
  const at = a.updated_at.getTime() - b.updated_at.getTime();
  if (at !== 0) return at > 0;
  return a.record_id > b.record_id;
}

/** The current note of every id from the records (in any order): the latest record wins, a delete hides it. */
export function foldRecords(records: readonly AnnotationRecord[]): Annotation[] {
  const latest = new Map<string, AnnotationRecord>();
  for (const record of records) {
    const held = latest.get(record.id);
    if (!held || later(record, held)) latest.set(record.id, record);
  }
  return [...latest.values()]
    .filter((record) => record.op !== 'delete')
    .map(toAnnotation)
    .sort((a, b) =>
      a.updated_at !== b.updated_at ? (a.updated_at < b.updated_at ? 1 : -1) : a.id < b.id ? -1 : 1,
    );
}

function recordOf(row: Record<string, unknown>): AnnotationRecord {
  return {
    record_id: String(row.record_id),
    id: String(row.id),
    seq: Number(row.seq),
    op: row.op as AnnotationOp,
    target_kind: row.target_kind as Target['kind'],
    trajectory_id: (row.trajectory_id as string | null) ?? null,
    data_id: (row.data_id as string | null) ?? null,
    training_id: (row.training_id as string | null) ?? null,
    epoch_id: row.epoch_id === null || row.epoch_id === undefined ? null : Number(row.epoch_id),
    label: (row.label as string | null) ?? null,
    note: String(row.note ?? ''),
    author: String(row.author),
    created_at: dateOf(row.created_at),
    updated_at: dateOf(row.updated_at),
  };
}

const sets = new Map<string, Promise<AnnotationSet>>();
const EMPTY: AnnotationSet = { version: 0, list: [], byId: new Map() };

/** Every current note, read once per (database, annotations table version). */
export async function currentAnnotations(config: DbConfig): Promise<AnnotationSet> {
  const table = await openAnnotations(config);
  if (!table) return EMPTY;
  const version = await table.version();
  const key = `${JSON.stringify(config)}\u0000${version}`;
  let set = sets.get(key);
  if (!set) {
    set = readSet(table, version);
    sets.set(key, set);
    set.catch(() => sets.delete(key));
    // Only the latest few versions of each database are asked for again.
    while (sets.size > 16) sets.delete(sets.keys().next().value!);
  }
  return set;
}

async function readSet(table: Table, version: number): Promise<AnnotationSet> {
  const rows = (await table.query().toArray()) as Record<string, unknown>[];
  const list = foldRecords(rows.map(recordOf));
  return { version, list, byId: new Map(list.map((annotation) => [annotation.id, annotation])) };
}

function targetColumns(
  target: Target,
): Pick<AnnotationRecord, 'target_kind' | 'trajectory_id' | 'data_id' | 'training_id' | 'epoch_id'> {
  return {
    target_kind: target.kind,
    trajectory_id: target.kind === 'trajectory' ? target.trajectory_id : null,
    data_id: target.kind === 'trajectory' ? null : target.data_id,
    training_id: target.kind === 'group' ? target.training_id : null,
    epoch_id: target.kind === 'group' ? target.epoch_id : null,
  };
}

/** The `where` that finds a target's trajectories (every value a quoted literal or a checked number). */
export function targetWhere(target: Target): string {
  switch (target.kind) {
    case 'trajectory':
      return `trajectory_id = ${sqlString(target.trajectory_id)}`;
    case 'question':
      return `data_id = ${sqlString(target.data_id)}`;
    case 'group':
      return (
        `training_id = ${sqlString(target.training_id)} AND epoch_id = ${sqlNumber(target.epoch_id)} ` +
        `AND data_id = ${sqlString(target.data_id)}`
      );
  }
}

const TARGET_NAMES: Record<Target['kind'], string> = {
  trajectory: 'trajectory',
  question: 'question',
  group: 'group (training, epoch, question)',
};

/** A note about something that does not exist would never be seen: 404 naming `target`. */
async function assertTargetExists(config: DbConfig, target: Target): Promise<void> {
  const trajectories = await openTrajectories(config);
  const count = trajectories ? await trajectories.countRows(targetWhere(target)) : 0;
  if (count === 0) throw new AnnotationError(`no such ${TARGET_NAMES[target.kind]}`, 'target', 404);
}

/** Every this many table versions, a writer folds the one-record fragments the appends left into one. */
export const COMPACT_EVERY_VERSIONS = 100;

async function append(config: DbConfig, record: AnnotationRecord): Promise<void> {
  const table = await openOrCreateAnnotations(config);
  await table.add([record as unknown as Record<string, unknown>]);
  if ((await table.version()) % COMPACT_EVERY_VERSIONS === 0)
    // In the background: the note is stored; a compaction that loses a race with another process's is dropped.
    void compactAnnotations(config).catch((error: unknown) =>
      console.warn('annotations: compaction skipped:', (error as Error).message),
    );
}

/**
 * Rewrites the table's small fragments (one per append) into few, so that reading every note stays one pass over a
 * few files. Old versions are kept (LanceDB's default retention), so a reader on one is never cut short.
 */
export async function compactAnnotations(config: DbConfig): Promise<void> {
  const table = await openAnnotations(config);
  if (table) await table.optimize();
}

/** Creates a note by `author` about an existing target; returns it as stored. */
export async function createAnnotation(
  config: DbConfig,
  input: CreateAnnotation,
  author: string,
  now: Date = new Date(),
): Promise<Annotation> {
  await assertTargetExists(config, input.target);
  const record: AnnotationRecord = {
    record_id: randomUUID(),
    id: randomUUID(),
    seq: 1,
    op: 'create',
    ...targetColumns(input.target),
    label: input.label ?? null,
    note: input.note ?? '',
    author,
    created_at: now,
    updated_at: now,
  };
  await append(config, record);
  return toAnnotation(record);
}

/** The stored record that is current for `id`, read from the table (not the cached set). */
async function currentRecord(config: DbConfig, id: string): Promise<AnnotationRecord | null> {
  const table = await openAnnotations(config);
  if (!table) return null;
  const rows = (await table
    .query()
    .where(`id = ${sqlString(id)}`)
    .toArray()) as Record<string, unknown>[];
  let current: AnnotationRecord | null = null;
  for (const record of rows.map(recordOf)) if (!current || later(record, current)) current = record;
  return current && current.op !== 'delete' ? current : null;
}

/** The current note `id`, checked to be `author`'s: 404 when there is none, 403 when it is someone else's. */
async function ownRecord(config: DbConfig, id: string, author: string): Promise<AnnotationRecord> {
  const current = await currentRecord(config, id);
  if (!current) throw new AnnotationError(`no annotation "${id}"`, 'id', 404);
  if (current.author !== author)
    throw new AnnotationError(
      `annotation "${id}" is ${current.author}'s; only its author may change it`,
      'id',
      403,
    );
  return current;
}

/** Changes the label and/or the text of one's own note; returns it as it now is. */
export async function updateAnnotation(
  config: DbConfig,
  id: string,
  patch: UpdateAnnotation,
  author: string,
  now: Date = new Date(),
): Promise<Annotation> {
  const current = await ownRecord(config, id, author);
  const record: AnnotationRecord = {
    ...current,
    record_id: randomUUID(),
    seq: current.seq + 1,
    op: 'update',
    label: patch.label === undefined ? current.label : patch.label,
    note: patch.note === undefined ? current.note : patch.note,
    updated_at: now,
  };
  if (!record.label && !record.note.trim())
    throw new AnnotationError('a note needs a label, a text or both; delete it instead', 'label');
  await append(config, record);
  return toAnnotation(record);
}

/** Deletes one's own note (a delete record: the note is hidden from then on). */
export async function deleteAnnotation(
  config: DbConfig,
  id: string,
  author: string,
  now: Date = new Date(),
): Promise<void> {
  const current = await ownRecord(config, id, author);
  await append(config, {
    ...current,
    record_id: randomUUID(),
    seq: current.seq + 1,
    op: 'delete',
    updated_at: now,
  });
}
