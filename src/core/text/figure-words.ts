// The words a figure can be written with, and the cheap test of whether a text can hold a
// figure at all (shared by the figure reader and the word facts a token carries).

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};

/** A run of up to nine ASCII letters as a number, case folded: 5 bits a letter (exact below 2^53). */
function letterCode(word: string): number {
  let code = 0;
  for (let i = 0; i < word.length; i++) code = code * 32 + ((word.charCodeAt(i) | 0x20) - 96);
  return code;
}

/** Whole words the pattern can match without a digit: number words and time units ("an hour"). */
const FIGURE_WORDS = new Set(
  [...Object.keys(NUMBER_WORDS), 'second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade'].map(letterCode),
);

/**
 * Whether the figure pattern (extract/figures.ts) can match in `text` at all: it needs a
 * digit, a currency sign, or a number word or time unit standing as a whole word (\b on both
 * sides: a maximal run of [A-Za-z0-9_]). A text with ſ or the Kelvin sign is left to the pattern.
 */
export function mayHoldFigure(text: string): boolean {
  const n = text.length;
  let run = 0;
  let code = 0;
  let letters = true;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (c >= 48 && c <= 57) return true;
    if (c === 0x24 || c === 0xa3 || c === 0x20ac || c === 0xa5 || c === 0x17f || c === 0x212a) return true;
    const lower = c | 0x20;
    if (lower >= 97 && lower <= 122) {
      if (++run <= 9) code = code * 32 + (lower - 96);
      continue;
    }
    if (c === 95) {
      run++;
      letters = false;
      continue;
    }
    if (run >= 3 && run <= 9 && letters && FIGURE_WORDS.has(code)) return true;
    run = 0;
    code = 0;
    letters = true;
  }
  return false;
}
