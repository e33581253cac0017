import { z } from 'zod';

/** The one error shape of every endpoint. Each answer's own schema is declared beside what computes it. */
export const errorSchema = z
  .object({ error: z.object({ message: z.string(), param: z.string().nullable() }).strict() })
  .strict();
