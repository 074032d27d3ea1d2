// Article identity: a stable id for an imported article, and duplicate detection across
// files and across runs (the keys of earlier runs can be handed back in).

/** 64-bit FNV-1a over the UTF-16 code units (low byte, then high byte), as 16 hex digits. */
export function hash64(s: string): string {
  // kept in four 16-bit limbs (low first) so the arithmetic stays exact without BigInt;
  // offset basis 0xcbf29ce484222325, prime 0x100000001b3 = 2^40 + 0x1b3
  let h0 = 0x2325, h1 = 0x8422, h2 = 0x9ce4, h3 = 0xcbf2;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    for (let octet = unit & 0xff, k = 0; k < 2; k++, octet = unit >>> 8) {
      h0 ^= octet;
      const r0 = h0 * 0x1b3;
      const r1 = h1 * 0x1b3 + (r0 >>> 16);
      const r2 = h2 * 0x1b3 + h0 * 0x100 + (r1 >>> 16);
      const r3 = h3 * 0x1b3 + h1 * 0x100 + (r2 >>> 16);
      h0 = r0 & 0xffff;
      h1 = r1 & 0xffff;
      h2 = r2 & 0xffff;
      h3 = r3 & 0xffff;
    }
  }
  const hex = (x: number) => x.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

/** Text as compared for duplicates: case, spacing, quote styles and dashes do not count. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‛′`]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A URL as compared for duplicates: no fragment, lower-case scheme and host, no trailing slash. */
export function normaliseUrl(url: string): string {
  let u = url.trim().replace(/#.*$/, '');
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?]*)(.*)$/i.exec(u);
  if (m) u = m[1].toLowerCase() + m[2].toLowerCase() + m[3];
  return u.replace(/\/+(\?|$)/, '$1');
}

/** Stable article id: from the url when present, else a hash of the normalised text. */
export function articleId(a: { url: string | null; text: string }): string {
  return a.url && a.url.trim() ? `u-${hash64(normaliseUrl(a.url))}` : `t-${hash64(normaliseText(a.text))}`;
}

function keysOf(a: { url: string | null; text: string }): string[] {
  // hashed, so that 100,000 articles' keys stay small
  const keys = [`t:${hash64(normaliseText(a.text))}`];
  if (a.url && a.url.trim()) keys.unshift(`u:${hash64(normaliseUrl(a.url))}`);
  return keys;
}

/** Where an article was first seen ("file:line", or "file"), or null for keys handed in from an earlier run. */
type Origin = string | null;

/** Duplicate detection across files and runs: the same url, or the same normalised text. */
export class Deduper {
  /** key -> where it was first seen: file number * 1e9 + line (0: no line); -1: an earlier run */
  private readonly origins = new Map<string, number>();
  private readonly files: string[] = [];
  private readonly fileNumbers = new Map<string, number>();

  /** `known`: keys() of an earlier run, whose articles are already indexed. */
  constructor(known?: Iterable<string>) {
    if (known) for (const k of known) this.origins.set(k, -1);
  }

  /** Records the article; true when it is a duplicate of one seen before (then nothing is recorded). */
  seen(a: { url: string | null; text: string; file?: string; line?: number | null }): boolean {
    return this.duplicateOf(a) !== undefined;
  }

  /**
   * Like seen(), but says of what: undefined for a new article (now recorded), "file:line"
   * (or "file") of the first one seen, or null when that was indexed by an earlier run.
   */
  duplicateOf(a: { url: string | null; text: string; file?: string; line?: number | null }): Origin | undefined {
    const keys = keysOf(a);
    for (const k of keys) {
      const o = this.origins.get(k);
      if (o !== undefined) return this.describe(o);
    }
    let origin = -1;
    if (a.file !== undefined) {
      let n = this.fileNumbers.get(a.file);
      if (n === undefined) {
        n = this.files.push(a.file) - 1;
        this.fileNumbers.set(a.file, n);
      }
      origin = n * 1e9 + (a.line ?? 0);
    }
    for (const k of keys) this.origins.set(k, origin);
    return undefined;
  }

  private describe(o: number): Origin {
    if (o < 0) return null;
    const file = this.files[Math.floor(o / 1e9)];
    const line = o % 1e9;
    return line ? `${file}:${line}` : file;
  }

  /** Every key recorded, to hand to the next run's constructor. */
  keys(): string[] {
    return [...this.origins.keys()];
  }
}
