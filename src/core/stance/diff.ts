// Word-level difference between two wordings of one quote.
import type { DiffPart } from '../types';
import { fold } from '../text/tokens';

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}
const key = (w: string) => fold(w).replace(/[^\p{L}\p{N}']/gu, '');

/** LCS diff over words; equal words compare without case, accents or punctuation. */
export function wordDiff(a: string, b: string): DiffPart[] {
  const x = words(a);
  const y = words(b);
  const kx = x.map(key);
  const ky = y.map(key);
  const n = x.length;
  const m = y.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) L[i][j] = kx[i] === ky[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], w: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += ' ' + w;
    else out.push({ op, text: w });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (kx[i] === ky[j]) {
      push('same', y[j]);
      i++;
      j++;
    } else if (L[i + 1][j] >= L[i][j + 1]) push('del', x[i++]);
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
