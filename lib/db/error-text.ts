/** The first line of an error's message (LanceDB errors carry multi-line details and internal source paths). */
export function firstLineOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
