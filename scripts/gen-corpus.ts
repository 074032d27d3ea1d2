// npm run gen:corpus -- --out DIR --count N [--seed S]
// Writes N articles made from real text: the seed articles' sentences recombined, with
// people renamed and figures changed, as .jsonl files (1,000 records each) and, for one
// article in twenty, a .txt file in a sub-folder. Deterministic for a given seed, so a
// large build:index run can be repeated.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../src/core/text/sentences';
import { hash64, normaliseText } from '../src/core/corpus/identity';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
function fail(msg: string): never {
  process.stderr.write(`gen:corpus: ${msg}\n`);
  process.exit(2);
}

const out = arg('--out') ?? fail('usage: npm run gen:corpus -- --out DIR --count N [--seed S]');
const count = Number(arg('--count'));
if (!Number.isInteger(count) || count <= 0) fail('--count must be a positive whole number');
let state = Number(arg('--seed') ?? 1) >>> 0 || 1;

/** xorshift32: small, fast and repeatable. */
function random(): number {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 0x100000000;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

// sentences of each seed article, in order
const SEEDS = 'seeds';
const articles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => {
    const text = readFileSync(join(SEEDS, f), 'utf8');
    return splitSentences(text).map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' ').trim()).filter((s) => s.split(' ').length >= 4);
  });

// the seed story's people, and the names they may be given instead
const PEOPLE: [RegExp, RegExp][] = [
  ['Volodymyr', 'Zelensk(?:iy|yy|y)'], ['Donald', 'Trump'], ['Vladimir', 'Putin'], ['Emmanuel', 'Macron'],
  ['Friedrich|Fredriech', 'Merz'], ['Keir', 'Starmer'], ['Mark', 'Rutte'], ['Marco', 'Rubio'], ['Steve', 'Witkoff'],
  ['Alexander', 'Stubb'], ['Giorgia', 'Meloni'],
].map(([g, s]) => [new RegExp(`\\b(?:${g})\\b`, 'g'), new RegExp(`\\b(?:${s})\\b`, 'g')]);
const GIVEN = ['Anna', 'Pieter', 'Marta', 'Jonas', 'Ingrid', 'Tomasz', 'Elena', 'Rafael', 'Sofia', 'Henrik', 'Lucia', 'Viktor',
  'Maren', 'Andrei', 'Clara', 'Matteo', 'Helga', 'Nikolai', 'Ines', 'Oskar', 'Leila', 'Dmitri', 'Agnes', 'Bruno', 'Katya',
  'Felix', 'Irena', 'Stefan', 'Mira', 'Tobias'];
const SURNAMES = ['Kowalczyk', 'Lindqvist', 'Haverkamp', 'Moreau', 'Castellano', 'Novak', 'Brandt', 'Okafor', 'Vasquez',
  'Halvorsen', 'Petrenko', 'Ferreira', 'Albrecht', 'Rasmussen', 'Dubois', 'Marchetti', 'Kuznetsov', 'Olsen', 'Szabo',
  'Weidemann', 'Lemaire', 'Bergström', 'Horvath', 'Janssen', 'Kaminski', 'Ortega', 'Varga', 'Eriksen', 'Silvestri',
  'Wojcik', 'Amsel', 'Delacroix', 'Falk', 'Gruber', 'Ivanova', 'Keller', 'Lutz', 'Navarro', 'Pohl', 'Rinaldi'];
const OUTLETS = ['Harbour Post', 'Northern Ledger', 'Daily Meridian', 'Capital Wire', 'Evening Courier', 'Lakeside Times',
  'Continental Review', 'The Observer Desk', 'Metro Bulletin', 'Valley Gazette', 'Coastal Herald', 'Union Dispatch'];

/** A figure changed to another of the same size; years stay. */
function changeFigures(s: string): string {
  return s.replace(/\d+(?:\.\d+)?/g, (n) => {
    if (/^(19|20)\d\d$/.test(n)) return n;
    const digits = n.replace('.', '').length;
    const v = Math.max(1, Math.floor(random() * 10 ** Math.min(digits, 4)));
    return n.includes('.') ? (v / 10).toFixed(1) : String(v);
  });
}

function makeArticle(n: number): { url: string; outlet: string; title: string; date: string; text: string } {
  // most of one seed article in order, with sentences of the others spliced in
  const main = pick(articles);
  const sentences: string[] = [];
  const length = 8 + Math.floor(random() * 18);
  let at = Math.floor(random() * Math.max(1, main.length - length));
  while (sentences.length < length) {
    const s = random() < 0.7 ? main[at++ % main.length] : pick(pick(articles));
    sentences.push(random() < 0.4 ? changeFigures(s) : s);
  }
  let text = sentences.join(' ');
  for (const [given, surname] of PEOPLE) {
    if (random() < 0.5) continue;
    const g = pick(GIVEN);
    const s = pick(SURNAMES);
    text = text.replace(given, g).replace(surname, s);
  }
  // paragraphs of two to four sentences
  const paras: string[] = [];
  const parts = splitSentences(text).map((sp) => text.slice(sp.start, sp.end).trim());
  for (let i = 0; i < parts.length; ) {
    const k = 2 + Math.floor(random() * 3);
    paras.push(parts.slice(i, i + k).join(' '));
    i += k;
  }
  const outlet = pick(OUTLETS);
  const words = parts[0].replace(/[.“”"]/g, '').split(' ').slice(0, 8).join(' ');
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  return {
    url: `https://news.example/${outlet.toLowerCase().replace(/\W+/g, '-')}/${n}`,
    outlet, title: words, date: `2025-${month}-${day}`, text: paras.join('\n\n'),
  };
}

mkdirSync(join(out, 'txt'), { recursive: true });
if (existsSync(out) && readdirSync(out).some((f) => f.endsWith('.jsonl'))) fail(`${out} already holds a corpus; give an empty folder`);
let lines: string[] = [];
let file = 0;
const flush = () => {
  if (!lines.length) return;
  writeFileSync(join(out, `articles-${String(file++).padStart(4, '0')}.jsonl`), lines.join('\n') + '\n');
  lines = [];
};
// every article is new: a recombination that happens to repeat an earlier text is drawn again
const texts = new Set<string>();
for (let n = 0; n < count; n++) {
  let a = makeArticle(n);
  for (let key = hash64(normaliseText(a.text)); texts.has(key); key = hash64(normaliseText(a.text))) a = makeArticle(n);
  texts.add(hash64(normaliseText(a.text)));
  if (n % 20 === 19) writeFileSync(join(out, 'txt', `article-${String(n).padStart(6, '0')}.txt`), `${a.title}\n\n${a.text}\n`);
  else lines.push(JSON.stringify(a));
  if (lines.length === 1000) flush();
}
flush();
process.stderr.write(`gen:corpus: ${count} articles -> ${out}\n`);
