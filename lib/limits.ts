/** Largest value of a LanceDB int32 column (epoch, iteration, sample ids and the derived counts). */
export const INT32_MAX = 2_147_483_647;

/**
 * Longest id or name (training, question, trajectory, termination reason, agent) and longest text value the API and
 * the pages take. Ingest refuses longer ones, so that everything stored can be opened by its link.
 */
export const MAX_ID_LENGTH = 256;

/** Largest magnitude of a reward (and of every number the filters take): sums of millions stay finite and exact enough. */
export const MAX_ABS_NUMBER = 1e12;

/** Steps a trajectory page or drawer shows at a time; `?step=N` on the page opens the window holding step N. */
export const STEP_WINDOW = 200;
