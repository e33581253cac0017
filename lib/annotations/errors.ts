/** A request about annotations that cannot be done: a bad field (400), not allowed (403) or nothing there (404). */
export class AnnotationError extends Error {
  constructor(
    message: string,
    readonly param: string | null,
    readonly status: 400 | 403 | 404 = 400,
  ) {
    super(message);
    this.name = 'AnnotationError';
  }
}
