// A plain-text article's title: its first line when that line reads as a headline.

/** A headline is a short first line without a full stop, followed by more text. */
export function titleFromText(text: string): string | null {
  const nl = text.indexOf('\n');
  if (nl < 0) return null;
  const first = text.slice(0, nl).trim();
  const words = first.split(/\s+/).filter(Boolean).length;
  if (words < 3 || words > 25 || /[.!]["”’]?$/.test(first) || !text.slice(nl).trim()) return null;
  return first;
}
