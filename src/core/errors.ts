/** What went wrong, as one line: an Error's message (or the thrown value) with its white space collapsed. */
export function errorLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
}
