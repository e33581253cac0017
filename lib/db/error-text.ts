/** The first line of an error's message, without LanceDB's "Caused by:" chain. */
export function firstLineOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].split(/\s+Caused by:/)[0];
}
