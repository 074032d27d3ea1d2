// The content script's state machine: extract the article, have the background analyse it,
// mark what came back, answer state questions, follow settings and page changes.
import type { AnalysisResult } from '../core/types';
import { isSiteEnabled } from '../messaging/settings';
import type { PageAnalysis, Result, Settings, StateReply } from '../messaging/types';
import { articleSteps, type ArticleText } from '../page/article';
import { ANNOUNCER_TAG } from '../page/announcer';
import { CARD_TAG } from '../page/card';
import { Highlighter, type Mark } from '../page/highlights';
import { countMarks, dominantStance, markableClaims, type MarkCounts } from '../page/marks';
import { runStepsSliced } from '../page/slices';
import { rangeForOffsets } from '../page/text-ranges';
import { PageWatcher } from '../page/watch';
import { sendToBackground } from './extension-api';
import { ClaimInteraction, type MarkedClaim } from './interaction';
import { cardLabels } from './labels';

const XHTML = 'http://www.w3.org/1999/xhtml';

/**
 * HTML and XHTML pages (text/plain too: browsers show it as an HTML page). An XML data
 * document (a feed, a sitemap, an .xml file) is no article, however much text it holds;
 * Chromium shows it through an XHTML tree viewer, so the content type decides.
 */
function isHtmlPage(doc: Document): boolean {
  const type = doc.contentType ?? '';
  if (/xml/i.test(type) && type !== 'application/xhtml+xml') return false;
  return doc.documentElement?.namespaceURI === XHTML;
}

function reportKey(state: StateReply, highlighted: number[]): string {
  return JSON.stringify([state, highlighted]);
}

const NO_COUNTS: MarkCounts = { entities: 0, claims: 0, matches: { corroborates: 0, conflicts: 0, related: 0 } };

export class ContentController {
  private article: ArticleText | null = null;
  private analysis: AnalysisResult | null = null;
  private analysedText: string | null = null;
  private openingsByDoc: Record<string, string> = {};
  private markedClaims: MarkedClaim[] = [];
  private counts: MarkCounts = NO_COUNTS;
  /** Toggled by the toggle-highlights command, per page. */
  private visible = true;
  private ready = false;
  private runId = 0;
  /** What the background last recorded for this tab (to send only what differs). */
  private lastReport: string | null = null;
  private readonly highlighter: Highlighter;
  private readonly interaction: ClaimInteraction;
  private readonly watcher: PageWatcher;

  constructor(
    private readonly doc: Document,
    private settings: Settings,
  ) {
    const win = doc.defaultView as Window & typeof globalThis;
    this.highlighter = new Highlighter(win);
    this.interaction = new ClaimInteraction(
      doc,
      {
        marked: () => this.markedClaims,
        openings: () => this.openingsByDoc,
        pageKeysEnabled: () => this.settings.pageKeys,
        setFocusRange: (r) => this.highlighter.setFocus(r),
      },
      cardLabels,
    );
    this.watcher = new PageWatcher(doc, () => this.recheck(), {
      ignore: (node) => {
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        return !!el?.closest(`${CARD_TAG}, ${ANNOUNCER_TAG}`) || node === doc.head || !!el?.closest('head');
      },
    });
  }

  private get active(): boolean {
    const s = this.settings;
    // Asked on every state question: no URL parsing unless some site is switched off.
    if (!s.enabled || !s.disabledSites.length) return s.enabled;
    return isSiteEnabled(s, this.doc.location.href);
  }

  async start(): Promise<void> {
    if (this.active) await this.activate();
    this.ready = true;
    this.report();
  }

  private async activate(): Promise<void> {
    this.interaction.start();
    this.watcher.start();
    await this.analyse();
  }

  private deactivate(): void {
    this.runId++;
    this.watcher.stop();
    this.interaction.stop();
    this.highlighter.clear();
    this.markedClaims = [];
    this.counts = NO_COUNTS;
    this.analysis = null;
    this.analysedText = null;
    this.article = null;
  }

  /** Extracts the article and, when its text is new, has it analysed and marked. */
  private async analyse(): Promise<boolean> {
    const run = ++this.runId;
    // In time slices: a long page's extraction must not hold the page's main thread.
    const article = isHtmlPage(this.doc) ? await runStepsSliced(articleSteps(this.doc), () => run !== this.runId) : null;
    if (run !== this.runId) return false;
    if (!article || !article.text.trim()) {
      const had = this.analysis !== null;
      this.article = null;
      this.analysis = null;
      this.analysedText = null;
      await this.mark(run);
      return had;
    }
    if (article.text === this.analysedText && this.analysis) {
      this.article = article;
      // Same text, maybe re-rendered nodes (SPA re-render): re-mark only if ranges broke.
      if (this.markedClaims.some((m) => !m.range.startContainer.isConnected)) await this.mark(run);
      return false;
    }
    const reply = await sendToBackground({
      type: 'crosscheck:analyze',
      text: article.text,
      title: article.title ?? (this.doc.title || null),
      url: this.doc.location.href,
    });
    if (run !== this.runId) return false;
    if (!reply || !reply.ok) {
      console.warn('Crosscheck:', reply ? reply.error : 'no answer from the background');
      return false;
    }
    this.article = article;
    this.analysis = reply.value.analysis;
    this.openingsByDoc = reply.value.openings;
    // The background has recorded the state this analysis gives once marked.
    this.lastReport = reportKey(reply.value.assumed.state, reply.value.assumed.highlighted);
    this.analysedText = article.text;
    await this.mark(run);
    return true;
  }

  private readonly recheck = async (): Promise<boolean> => {
    if (!this.active) return false;
    const changed = await this.analyse();
    return changed;
  };

  /** Builds ranges and highlights in time slices; then reports the new state. */
  private async mark(run: number): Promise<void> {
    this.interaction.reset();
    const analysis = this.analysis;
    const article = this.article;
    if (!analysis || !article || !this.visible) {
      this.highlighter.clear();
      this.markedClaims = [];
      this.counts = NO_COUNTS;
      this.report();
      return;
    }
    const marks: Mark[] = [];
    const claimSlots: { index: number; mark: number; range: Range | null }[] = [];
    const entityOfMark: number[] = [];
    const seg = article.segments;
    if (this.settings.markEntities) {
      analysis.entities.forEach((entity, e) => {
        for (const mention of entity.mentions) {
          entityOfMark[marks.length] = e;
          marks.push({ kind: 'entity', range: () => rangeForOffsets(this.doc, seg, mention.start, mention.end) });
        }
      });
    }
    for (const index of markableClaims(analysis)) {
      const claim = analysis.claims[index];
      const slot = { index, mark: marks.length, range: null as Range | null };
      claimSlots.push(slot);
      marks.push({
        kind: dominantStance(claim) ?? 'related',
        range: () => (slot.range = rangeForOffsets(this.doc, seg, claim.start, claim.end)),
      });
    }
    // (Their ::highlight() styles come with the manifest: src/content/highlights.css.)
    const ok = await this.highlighter.apply(marks);
    if (!ok || run !== this.runId) return;
    this.markedClaims = claimSlots
      .filter((s) => ok[s.mark] && s.range)
      .map((s) => ({ index: s.index, claim: analysis.claims[s.index], range: s.range as Range }));
    const entities = new Set<number>();
    ok.forEach((built, i) => {
      if (built && entityOfMark[i] !== undefined) entities.add(entityOfMark[i]);
    });
    this.counts = countMarks(
      analysis,
      this.markedClaims.map((m) => m.index),
      [...entities],
    );
    this.report();
  }

  state(): StateReply {
    const enabled = this.active && this.visible;
    const c = enabled ? this.counts : NO_COUNTS;
    return {
      ready: this.ready,
      url: this.doc.location.href,
      enabled,
      entities: c.entities,
      claims: c.claims,
      matches: { ...c.matches },
    };
  }

  pageAnalysis(): PageAnalysis | null {
    if (!this.analysis) return null;
    return {
      url: this.doc.location.href,
      title: this.article?.title ?? (this.doc.title || null),
      analysis: this.analysis,
      highlighted: this.markedClaims.map((m) => m.index),
      openings: this.openingsByDoc,
    };
  }

  focusClaim(index: number): Result<true> {
    if (!Number.isInteger(index)) return { ok: false, error: 'claim must be an integer' };
    return this.interaction.focusClaim(index, false) ? { ok: true, value: true } : { ok: false, error: `claim ${index} is not highlighted` };
  }

  async toggle(): Promise<StateReply> {
    this.visible = !this.visible;
    if (this.active) await this.mark(++this.runId);
    return this.state();
  }

  async applySettings(next: Settings): Promise<StateReply> {
    const wasActive = this.active;
    const prev = this.settings;
    this.settings = next;
    if (wasActive && !this.active) this.deactivate();
    else if (!wasActive && this.active) await this.activate();
    else if (this.active) {
      if (prev.sensitivity !== next.sensitivity) {
        this.analysedText = null; // force a new analysis with the new threshold
        await this.analyse();
      } else if (prev.markEntities !== next.markEntities) await this.mark(++this.runId);
    }
    this.report();
    return this.state();
  }

  /** Tells the background (and through it the popup / side panel) what is marked now. */
  private report(): void {
    if (!this.ready) return;
    const state = this.state();
    const highlighted = this.markedClaims.map((m) => m.index);
    const key = reportKey(state, highlighted);
    if (key === this.lastReport) return; // the background has it already
    this.lastReport = key;
    sendToBackground({ type: 'crosscheck:page-updated', state, highlighted }).catch(() => {
      this.lastReport = null;
    });
  }

  destroy(): void {
    this.deactivate();
  }
}
