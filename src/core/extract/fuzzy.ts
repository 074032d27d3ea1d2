// String distances for spelling variants of names (Zelenskiy / Zelenskyy, Fredriech / Friedrich).

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** Jaro-Winkler similarity, 0..1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Array<boolean>(la).fill(false);
  const mb = new Array<boolean>(lb).fill(false);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(lb, i + range + 1); j++) {
      if (!mb[j] && a[i] === b[j]) {
        ma[i] = mb[j] = true;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Whether two surnames are spelling variants of one name: same first and last letter
 * (so Zelensky / Zelenska, a different person, stay apart) and one edit apart (two for long names).
 */
export function isSpellingVariant(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  if (a[0] !== b[0]) return false;
  if (a[a.length - 1] !== b[b.length - 1]) {
    // a transliteration ending added (Zelensky / Zelenskyi) is a variant; another ending
    // (Zelensky / Zelenska) is another word form, often another person
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    return long.length === short.length + 1 && long.startsWith(short) && /[iy]$/.test(long);
  }
  const max = Math.min(a.length, b.length) >= 9 ? 2 : 1;
  return editDistance(a, b, max) <= max;
}

/** Whether two given names can be one person's (Friedrich / Fredriech; not Donald / Melania). */
export function isGivenNameVariant(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0] !== b[0]) return false;
  if (a.length <= 2 || b.length <= 2) return a[0] === b[0] && (a.length <= 2 || b.length <= 2) && (a.startsWith(b) || b.startsWith(a));
  return jaroWinkler(a, b) >= 0.85;
}
