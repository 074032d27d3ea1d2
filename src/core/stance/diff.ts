// Word-level difference between two wordings of one quote.
import type { DiffPart } from '../types';
import { fold } from '../text/tokens';

export function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}
/** What two words are compared by: no case, accents or punctuation. */
const keys = new Map<string, string>();
export function wordKey(w: string): string {
  let k = keys.get(w);
  if (k === undefined) {
    k = fold(w).replace(/[^\p{L}\p{N}']/gu, '');
    if (keys.size > 100_000) keys.clear();
    keys.set(w, k);
  }
  return k;
}

/** LCS diff over words; equal words compare without case, accents or punctuation. */
export function wordDiff(a: string, b: string): DiffPart[] {
  const x = words(a);
  const y = words(b);
  return wordDiffOf(x, x.map(wordKey), y, y.map(wordKey));
}

/** wordDiff over words already split and keyed. */
export function wordDiffOf(x: string[], kx: string[], y: string[], ky: string[]): DiffPart[] {
  const n = x.length;
  const m = y.length;
  // L[i * w + j]: LCS length of x[i..] and y[j..]
  const w = m + 1;
  const L = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) L[i * w + j] = kx[i] === ky[j] ? L[(i + 1) * w + j + 1] + 1 : Math.max(L[(i + 1) * w + j], L[i * w + j + 1]);
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], word: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += ' ' + word;
    else out.push({ op, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (kx[i] === ky[j]) {
      push('same', y[j]);
      i++;
      j++;
    } else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) push('del', x[i++]);
    else push('add', y[j++]);
  }
  while (i < n) push('del', x[i++]);
  while (j < m) push('add', y[j++]);
  return out;
}

/** "would -> will; defence -> defense": the substitutions of a diff, in plain words. */
export function describeDiff(parts: DiffPart[], max = 3): string[] {
  const out: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    const clean = (s: string) => s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (p.op === 'del' && parts[k + 1]?.op === 'add') {
      const a = clean(p.text);
      const b = clean(parts[k + 1].text);
      if (a && b && a.toLowerCase() !== b.toLowerCase()) out.push(`${a} -> ${b}`);
      k++;
    }
  }
  return out.slice(0, max);
}
