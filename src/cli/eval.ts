// `npm run eval [-- --verbose | --json] [--index FILE]`: measures the engine on the seed corpus against
// the development gold set (../shared/eval/seed-gold.json) and on the unrelated real pages
// (../shared/fixtures/pages). A measurement: exits 0 even when targets fail; exits 2 with
// one line when the index is missing or broken.
//
// Scoring rules (covering quotes, entity occurrences) are documented in eval-score.ts and
// eval-entities.ts. Gold sentences are read at run time only, never written into code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { analyze } from '../core/engine';
import { loadIndex, type LoadedIndex } from '../core/index/load';
import { htmlToArticle } from './html';
import {
  clip, parseGold, perTenThousand, scoreNegatives, scorePairs, scoreUnrelated, selfMatches, summarisePairs,
  type Gold, type PageRun, type UnrelatedPage,
} from './eval-score';
import { scoreEntities, scoreTraps } from './eval-entities';

const ROOT = resolve(import.meta.dirname ?? '.', '../..');
const argv = process.argv.slice(2);
const indexArg = argv.indexOf('--index');
// `--index FILE` measures another index build (default: the bundled seed index).
const INDEX_PATH = indexArg >= 0 && argv[indexArg + 1] ? resolve(argv[indexArg + 1]) : join(ROOT, 'assets/seed-index.json');
const SEEDS_DIR = join(ROOT, 'seeds');
const GOLD_PATH = resolve(ROOT, '../shared/eval/seed-gold.json');
const PAGES_DIR = resolve(ROOT, '../shared/fixtures/pages');

interface Row { metric: string; value: string; target: string; pass: boolean | null; raw: number | null }

const args = new Set(argv);
const asJson = args.has('--json');
const verbose = args.has('--verbose') || args.has('-v');
const log = (s = '') => {
  if (!asJson) console.log(s);
};
const skipped: string[] = [];
function skip(msg: string): void {
  skipped.push(msg);
  console.error(`SKIP: ${msg}`);
}

function loadSeedIndex(): LoadedIndex {
  try {
    return loadIndex(JSON.parse(readFileSync(INDEX_PATH, 'utf8')));
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    console.error(`eval: cannot load ${INDEX_PATH}: ${why} (run npm run build:index)`);
    process.exit(2);
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function main(): void {
  const index = loadSeedIndex();
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};

  // Seed pages: each document analysed as the page being read.
  const runs = new Map<string, PageRun>();
  for (const f of readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort()) {
    const doc = basename(f, '.txt');
    const text = readFileSync(join(SEEDS_DIR, f), 'utf8');
    runs.set(doc, { doc, text, result: analyze(text, index) });
  }
  const notSelf = [...runs.values()].filter((r) => r.result.document.matchedIndexDoc !== r.doc).map((r) => r.doc);
  rows.push({ metric: 'seed pages recognised as their own article', value: `${runs.size - notSelf.length} of ${runs.size}`, target: `${runs.size} of ${runs.size}`, pass: notSelf.length === 0, raw: runs.size - notSelf.length });
  const self = selfMatches(runs);
  rows.push({ metric: 'matches from the page’s own article', value: String(self.length), target: '0', pass: self.length === 0, raw: self.length });

  let gold: Gold | null = null;
  if (!existsSync(GOLD_PATH)) skip(`${GOLD_PATH} not found — pair, negative and entity metrics not measured`);
  else gold = parseGold(JSON.parse(readFileSync(GOLD_PATH, 'utf8')));

  if (gold) {
    const pairs = scorePairs(gold.pairs, runs);
    const s = summarisePairs(pairs);
    rows.push({ metric: 'pair recall', value: `${s.recall.toFixed(3)} (${s.found}/${s.pairs})`, target: '≥ 0.90', pass: s.recall >= 0.9, raw: s.recall });
    rows.push({ metric: 'stance accuracy (found pairs)', value: `${s.stanceAccuracyFound.toFixed(3)} (${s.stanceCorrect}/${s.found})`, target: '≥ 0.85', pass: s.found > 0 && s.stanceAccuracyFound >= 0.85, raw: s.stanceAccuracyFound });
    rows.push({ metric: 'stance accuracy (all pairs)', value: `${s.stanceAccuracyAll.toFixed(3)} (${s.stanceCorrect}/${s.pairs})`, target: '(info)', pass: null, raw: s.stanceAccuracyAll });
    rows.push({ metric: 'conflicts found', value: `${s.conflictsFound} of ${s.conflictsTotal}`, target: `≥ ${Math.min(4, s.conflictsTotal)} of ${s.conflictsTotal}`, pass: s.conflictsFound >= Math.min(4, s.conflictsTotal), raw: s.conflictsFound });

    const negs = scoreNegatives(gold.negatives, runs);
    const negHits = negs.filter((n) => n.hits.length);
    rows.push({ metric: 'false matches on negatives', value: `${negHits.length} of ${negs.length}`, target: '0', pass: negHits.length === 0, raw: negHits.length });

    const blockers = gold.traps.map((t) => t.page.quote);
    const ents = scoreEntities(gold.entities, [...runs.values()], blockers);
    rows.push({ metric: 'entity recall', value: `${ents.recall.toFixed(3)} (${ents.hits}/${ents.occurrences})`, target: '≥ 0.98', pass: ents.recall >= 0.98, raw: ents.recall });
    const typeAcc = ents.typeTotal ? ents.typeCorrect / ents.typeTotal : 0;
    rows.push({ metric: 'entity type accuracy', value: `${typeAcc.toFixed(3)} (${ents.typeCorrect}/${ents.typeTotal} mapped)`, target: '(info)', pass: null, raw: typeAcc });
    const traps = scoreTraps(gold.traps, runs, ents.mapping);
    const trapLinks = traps.reduce((n, t) => n + t.links, 0);
    rows.push({ metric: 'trap links', value: String(trapLinks), target: '0', pass: trapLinks === 0, raw: trapLinks });

    details.missedPairs = pairs.filter((o) => !o.found).map((o) => ({
      page: o.pair.page, statement: o.pair.statement, stance: o.pair.stance,
      coveringClaims: o.coveringClaims.map((c) => ({ text: c.text, matches: c.matches.map((m) => ({ doc: m.doc, stance: m.stance, score: m.score, statement: m.statement })) })),
    }));
    details.wrongStances = pairs.filter((o) => o.found && !o.stanceOk).map((o) => ({ page: o.pair.page, statement: o.pair.statement, want: o.pair.stance, accept: o.pair.accept ?? [], got: o.found!.stance, reasons: o.found!.reasons }));
    details.negativesHit = negHits.map((n) => ({ page: n.negative.page, hits: n.hits.map((h) => ({ claim: h.claim, doc: h.match.doc, stance: h.match.stance, statement: h.match.statement })) }));
    details.entityMapping = Object.fromEntries(ents.mapping);
    details.missedEntityOccurrences = ents.misses.map((m) => ({ doc: m.occ.doc, start: m.occ.start, surface: m.occ.surface, entity: m.occ.entity, got: m.got }));
    details.traps = traps.map((t) => ({ surface: t.trap.page.quote, doc: t.trap.page.doc, mustNotLinkTo: t.trap.must_not_link_to, occurrences: t.occurrences, links: t.links }));

    if (verbose && !asJson) {
      log('Missed pairs:');
      for (const o of pairs.filter((x) => !x.found)) {
        log(`  [${o.pair.stance}] ${o.pair.page.doc}: "${clip(o.pair.page.quote, 80)}"`);
        log(`      want ${o.pair.statement.doc}: "${clip(o.pair.statement.quote, 80)}"`);
        if (!o.coveringClaims.length) log('      found: no claim on the page covers the quote');
        for (const c of o.coveringClaims) {
          log(`      claim: "${clip(c.text, 80)}"`);
          if (!c.matches.length) log('        (no matches)');
          for (const m of c.matches.slice(0, 4)) log(`        -> ${m.stance} ${m.doc} ${m.score.toFixed(2)}: "${clip(m.statement, 70)}"`);
        }
      }
      log('Wrong stances:');
      for (const o of pairs.filter((x) => x.found && !x.stanceOk)) {
        log(`  want ${o.pair.stance}${o.pair.accept?.length ? `/${o.pair.accept.join('/')}` : ''}, got ${o.found!.stance}: "${clip(o.pair.page.quote, 60)}" ~ "${clip(o.pair.statement.quote, 60)}"`);
        if (o.found!.reasons.length) log(`      reasons: ${o.found!.reasons.join('; ')}`);
      }
      log('Negatives hit:');
      for (const n of negHits) {
        log(`  ${n.negative.page.doc}: "${clip(n.negative.page.quote, 80)}"`);
        for (const h of n.hits) log(`      -> ${h.match.stance} ${h.match.doc}: "${clip(h.match.statement, 80)}"`);
      }
      log('Missed entity occurrences:');
      for (const m of ents.misses) log(`  ${m.occ.doc}@${m.occ.start} "${m.occ.surface}" (${m.occ.entity}) -> ${m.got}`);
      log('Entity mapping (gold -> engine):');
      for (const [g, e] of ents.mapping) if (!e || e.name !== g) log(`  ${g} -> ${e ? `${e.name} (${e.type})` : 'nothing'}`);
      for (const t of traps) log(`Trap "${t.trap.page.quote}" in ${t.trap.page.doc}: ${t.links} of ${t.occurrences} linked to ${t.trap.must_not_link_to}`);
      log();
    }
  }

  // Unrelated real pages: corroborating/conflicting matches there are false.
  const pages: UnrelatedPage[] = [];
  const files = existsSync(PAGES_DIR) ? readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html')).sort() : [];
  if (!files.length) skip(`${PAGES_DIR} not found — false matches on unrelated pages not measured`);
  for (const f of files) {
    const article = htmlToArticle(readFileSync(join(PAGES_DIR, f), 'utf8'));
    if (!article) {
      pages.push({ name: f, words: 0, falseMatches: 0, examples: ['(no article text found)'] });
      continue;
    }
    const result = analyze(article.text, index, { title: article.title });
    const words = result.document.words || (article.text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    pages.push(scoreUnrelated(f, words, result));
  }
  if (files.length) {
    const rate = perTenThousand(pages);
    const total = pages.reduce((n, p) => n + p.falseMatches, 0);
    const words = pages.reduce((n, p) => n + p.words, 0);
    rows.push({ metric: 'unrelated pages: false matches / 10k words', value: `${rate.toFixed(2)} (${total} in ${words} words, ${pages.length} pages)`, target: '≤ 1', pass: rate <= 1, raw: rate });
    const worst = [...pages].filter((p) => p.falseMatches).sort((a, b) => b.falseMatches / (b.words || 1) - a.falseMatches / (a.words || 1)).slice(0, 5);
    details.unrelatedWorst = worst;
    if (!asJson && worst.length) {
      log('Worst unrelated pages:');
      for (const p of worst) {
        log(`  ${p.name}: ${p.falseMatches} in ${p.words} words`);
        if (verbose) for (const e of p.examples) log(`      ${e}`);
      }
      log();
    }
  }

  if (asJson) {
    const metrics = rows.map(({ metric, value, target, pass, raw }) => ({ metric, value: raw, display: value, target, pass }));
    console.log(JSON.stringify({ metrics, skipped, details }, null, 1));
    return;
  }
  printTable(rows);
  if (skipped.length) log(`\nSkipped: ${skipped.join('; ')}`);
}

function printTable(rows: Row[]): void {
  const head = ['metric', 'value', 'target', 'pass'];
  const cells = rows.map((r) => [r.metric, r.value, r.target, r.pass === null ? '' : r.pass ? 'yes' : 'NO']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join(' | ').trimEnd();
  log(line(head));
  log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of cells) log(line(c));
  const judged = rows.filter((r) => r.pass !== null);
  log(`\n${judged.filter((r) => r.pass).length} of ${judged.length} targets met`);
}

main();
