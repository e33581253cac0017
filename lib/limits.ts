/** Largest value of a LanceDB int32 column (epoch, iteration, sample ids and the derived counts). */
export const INT32_MAX = 2_147_483_647;
