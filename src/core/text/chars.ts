// What the text readers need to know of one UTF-16 code unit, without a regular expression
// per character: Unicode letter, mark, number and upper-case classes (looked up once per
// character, then kept in a table) and JavaScript's white space (\s).

export function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Half of a surrogate pair (or a lone half): not a whole code point. */
export function isSurrogate(c: number): boolean {
  return (c & 0xf800) === 0xd800;
}

const KNOWN = 1;
export const LETTER = 2; // \p{L}
export const MARK = 4; // \p{M}
export const NUMBER = 8; // \p{N}
export const UPPER = 16; // \p{Lu}
const IS_L = /^\p{L}$/u;
const IS_M = /^\p{M}$/u;
const IS_N = /^\p{N}$/u;
const IS_LU = /^\p{Lu}$/u;
const CLASSES = new Uint8Array(0x10000);

/** The classes of a UTF-16 code unit that is not a surrogate (so it is a whole code point). */
export function classOf(c: number): number {
  let k = CLASSES[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = KNOWN | (IS_L.test(ch) ? LETTER : 0) | (IS_M.test(ch) ? MARK : 0) | (IS_N.test(ch) ? NUMBER : 0) | (IS_LU.test(ch) ? UPPER : 0);
    CLASSES[c] = k;
  }
  return k;
}

/** Whether /\s/ matches the code unit: white space and line terminators as JavaScript defines them. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Number of runs of non-space characters in text[from, to): what split(/\s+/).filter(Boolean) counts. */
export function wordRuns(text: string, from = 0, to = text.length): number {
  let n = 0;
  let inRun = false;
  for (let i = from; i < to; i++) {
    if (isSpace(text.charCodeAt(i))) inRun = false;
    else if (!inRun) {
      inRun = true;
      n++;
    }
  }
  return n;
}
