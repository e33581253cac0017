/** A client error: a bad parameter (400) or something named that does not exist (404). */
export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly param: string | null,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}
