// The stored term lists' two small codes: a rising list of statement numbers as a compact
// string, and the fingerprint that tells whether stored lists belong to an index's statements.

// A list is written as the gaps between its numbers (first: the number + 1), each gap - 1 in
// base 32, most significant digit first: every digit but the last from the second half of
// the alphabet. URL-safe characters only, so JSON never escapes them.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let d = 0; d < 64; d++) DIGIT_VALUE[ALPHABET.charCodeAt(d)] = d;
const ALPHABET_CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** Character codes of one gap (gap >= 1). */
export function pushGap(out: { put(code: number): void }, gap: number): void {
  let v = gap - 1;
  let shift = 0;
  while (v >= 32 ** (shift + 1)) shift++;
  for (; shift > 0; shift--) out.put(ALPHABET_CODES[32 + (Math.floor(v / 32 ** shift) % 32)]);
  out.put(ALPHABET_CODES[v % 32]);
}

/** A rising list of statement numbers as a compact string. */
export function encodeList(ids: ArrayLike<number>): string {
  const codes: number[] = [];
  const sink = { put: (c: number) => codes.push(c) };
  let prev = -1;
  for (let k = 0; k < ids.length; k++) {
    if (!(ids[k] > prev) || !Number.isInteger(ids[k])) throw new Error('encodeList: the list must rise');
    pushGap(sink, ids[k] - prev);
    prev = ids[k];
  }
  let s = '';
  for (let k = 0; k < codes.length; k += 8192) s += String.fromCharCode(...codes.slice(k, k + 8192));
  return s;
}

/** The list `s` encodes, or null when it is not a non-empty rising list of numbers below `n`. */
export function decodeList(s: string, n: number): number[] | null {
  const out: number[] = [];
  let prev = -1;
  let acc = 0;
  let open = false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const d = c < 128 ? DIGIT_VALUE[c] : -1;
    if (d < 0) return null;
    if (d >= 32) {
      acc = acc * 32 + (d - 32);
      if (acc > n) return null;
      open = true;
    } else {
      prev += acc * 32 + d + 1;
      if (prev >= n) return null;
      out.push(prev);
      acc = 0;
      open = false;
    }
  }
  return open || out.length === 0 ? null : out;
}

/** Growing bytes of one encoded list. */
export class ListBytes {
  bytes = new Uint8Array(8);
  length = 0;
  put(code: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = code;
  }
}

/** Two 32-bit hashes of a sequence of strings (FNV-1a and a polynomial one). */
export class Fingerprint {
  /** [FNV-1a, polynomial] */
  private readonly h = new Int32Array([0x811c9dc5 | 0, 0]);

  text(t: string): void {
    mix(this.h, t, 0, t.length);
  }

  slice(t: string, from: number, to: number): void {
    mix(this.h, t, from, to);
  }

  hex(): string {
    return Array.from(this.h, (x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
  }
}

/** Adds t[from, to) and an end mark no character can make to the hashes in `h`. */
function mix(h: Int32Array, t: string, from: number, to: number): void {
  let a = h[0];
  let b = h[1];
  for (let k = from; k < to; k++) {
    const c = t.charCodeAt(k);
    a = Math.imul(a ^ c, 0x01000193);
    b = (Math.imul(b, 31) + c) | 0;
  }
  h[0] = Math.imul(a ^ 0x10000, 0x01000193);
  h[1] = (Math.imul(b, 31) + 0x10000) | 0;
}
