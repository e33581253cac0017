import { z } from 'zod';
import { INT32_MAX, MAX_ID_LENGTH } from '../limits';

/** A label: lower-case letters, digits and hyphens, starting with a letter or digit, at most 40 characters. */
export const LABEL_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const LABEL_FORM =
  'lower-case letters, digits and hyphens, starting with a letter or digit, at most 40';
/** Longest note text, in characters. */
export const MAX_NOTE_LENGTH = 10_000;
/** Most annotations one GET answers (`limit`). */
export const MAX_ANNOTATION_PAGE = 1000;

export const labelSchema = z
  .string()
  .regex(LABEL_PATTERN, { error: `must be ${LABEL_FORM} characters (e.g. reward-hack)` });

const noteSchema = z
  .string()
  .max(MAX_NOTE_LENGTH, { error: `must be at most ${MAX_NOTE_LENGTH.toLocaleString('en-US')} characters` });

const idSchema = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(MAX_ID_LENGTH, { error: `must be at most ${MAX_ID_LENGTH} characters` });

const epochSchema = z
  .number({ error: 'must be an integer ≥ 0' })
  .int({ error: 'must be an integer ≥ 0' })
  .min(0, { error: 'must be an integer ≥ 0' })
  .max(INT32_MAX, { error: `must be ≤ ${INT32_MAX}` });

/** What a note is about: one trajectory, one question (every run), or one group (a question in one run's epoch). */
export type Target =
  | { kind: 'trajectory'; trajectory_id: string }
  | { kind: 'question'; data_id: string }
  | { kind: 'group'; training_id: string; epoch_id: number; data_id: string };
export type TargetKind = Target['kind'];

/** The three forms a request names a target by, without `kind` (which the form tells). */
const targetForms = [
  { kind: 'trajectory', schema: z.object({ trajectory_id: idSchema }).strict() },
  { kind: 'question', schema: z.object({ data_id: idSchema }).strict() },
  {
    kind: 'group',
    schema: z.object({ training_id: idSchema, epoch_id: epochSchema, data_id: idSchema }).strict(),
  },
] as const;

export const TARGET_FORMS =
  '{"trajectory_id"}, {"data_id"} or {"training_id", "epoch_id", "data_id"} (a question in one epoch of a run)';

/** Reads a target in one of its three forms (the keys decide which); an issue names the offending field. */
const targetSchema = z.unknown().transform((value, ctx): Target => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: `must be one of ${TARGET_FORMS}` });
    return z.NEVER;
  }
  const keys = Object.keys(value);
  const form =
    'trajectory_id' in value
      ? targetForms[0]
      : 'training_id' in value || 'epoch_id' in value
        ? targetForms[2]
        : 'data_id' in value
          ? targetForms[1]
          : null;
  if (!form) {
    ctx.addIssue({ code: 'custom', message: `must be one of ${TARGET_FORMS}` });
    return z.NEVER;
  }
  const parsed = form.schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '');
    const message =
      issue.code === 'unrecognized_keys'
        ? `has ${keys.join(', ')}; give exactly one of ${TARGET_FORMS}`
        : `${field}: ${issue.message}`;
    ctx.addIssue({ code: 'custom', message, path: issue.code === 'unrecognized_keys' ? [] : [field] });
    return z.NEVER;
  }
  return { kind: form.kind, ...parsed.data } as Target;
});

/** The body of `POST /api/annotations`. At least one of label and note (a note may be empty when a label is given). */
export const createAnnotationSchema = z
  .object({
    target: targetSchema,
    label: labelSchema.nullish(),
    note: noteSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.label && !body.note?.trim())
      ctx.addIssue({ code: 'custom', message: 'give a label, a note or both', path: ['label'] });
  });
export type CreateAnnotation = z.output<typeof createAnnotationSchema>;

/** The body of `PATCH /api/annotations/<id>`: the fields to change (`label: null` removes the label). */
export const updateAnnotationSchema = z
  .object({ label: labelSchema.nullable().optional(), note: noteSchema.optional() })
  .strict()
  .refine((body) => body.label !== undefined || body.note !== undefined, {
    error: 'give label, note or both',
    path: ['label'],
  });
export type UpdateAnnotation = z.output<typeof updateAnnotationSchema>;

const responseTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trajectory'), trajectory_id: z.string() }).strict(),
  z.object({ kind: z.literal('question'), data_id: z.string() }).strict(),
  z
    .object({
      kind: z.literal('group'),
      training_id: z.string(),
      epoch_id: z.number().int(),
      data_id: z.string(),
    })
    .strict(),
]);

/** One annotation as the API answers it (and as pages receive it). */
export const annotationResponse = z
  .object({
    id: z.string(),
    target: responseTarget,
    label: z.string().nullable(),
    note: z.string(),
    author: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .strict();
export type Annotation = z.output<typeof annotationResponse>;

/** The answer of `GET /api/annotations`: the page of matching annotations (most recently changed first). */
export const annotationListResponse = z
  .object({ annotations: z.array(annotationResponse), total: z.number().int(), version: z.number().int() })
  .strict();
export type AnnotationList = z.output<typeof annotationListResponse>;

/** Query parameters of `GET /api/annotations`; a target field keeps the notes whose target has that value. */
export const listQuerySchema = z
  .object({
    trajectory_id: idSchema.optional(),
    data_id: idSchema.optional(),
    training_id: idSchema.optional(),
    epoch_id: z
      .string()
      .regex(/^\d{1,10}$/, { error: 'must be an integer ≥ 0' })
      .transform(Number)
      .refine((n) => n <= INT32_MAX, { error: `must be ≤ ${INT32_MAX}` })
      .optional(),
    label: labelSchema.optional(),
    author: idSchema.optional(),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, { error: `must be an integer from 1 to ${MAX_ANNOTATION_PAGE}` })
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_ANNOTATION_PAGE, {
        error: `must be an integer from 1 to ${MAX_ANNOTATION_PAGE}`,
      })
      .default(100),
    offset: z
      .string()
      .regex(/^\d{1,9}$/, { error: 'must be an integer ≥ 0' })
      .transform(Number)
      .default(0),
  })
  .strict();
export type ListQuery = z.output<typeof listQuerySchema>;
