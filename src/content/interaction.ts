// How the reader reaches a claim's card: hovering a marked claim, focusing a link inside
// one, or the in-page keys (Alt+J / Alt+K move between claims, Alt+Enter opens the card
// and moves focus into it, Escape closes it).
import type { ClaimResult } from '../core/types';
import { Announcer } from '../page/announcer';
import { ClaimCard, type CardLabels } from '../page/card';
import { dominantStance } from '../page/marks';
import { claimAtPoint } from '../page/hit-test';
import { matchPageShortcut } from '../page/shortcuts';

export interface MarkedClaim {
  /** Index into analysis.claims. */
  index: number;
  claim: ClaimResult;
  range: Range;
}

export interface InteractionSource {
  marked(): readonly MarkedClaim[];
  openings(): Record<string, string>;
  pageKeysEnabled(): boolean;
  setFocusRange(range: Range | null): void;
}

const HOVER_OPEN_MS = 150;
const HOVER_CLOSE_MS = 350;

export class ClaimInteraction {
  /** Built on first use (most pages are read without opening a card). */
  private cardOrNull: ClaimCard | null = null;
  private labelsOrNull: CardLabels | null = null;
  private cursor = -1;
  private openFor = -1;
  private openedByHover = false;
  private hoverTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingPoint: { x: number; y: number; overCard: boolean } | null = null;
  private frame = 0;
  private readonly announcer: Announcer;

  constructor(
    private readonly doc: Document,
    private readonly source: InteractionSource,
    /** Card strings, asked for when the first card or announcement needs them. */
    private readonly makeLabels: () => CardLabels,
  ) {
    this.announcer = new Announcer(doc);
  }

  private get labels(): CardLabels {
    return (this.labelsOrNull ??= this.makeLabels());
  }

  get card(): ClaimCard {
    return (this.cardOrNull ??= new ClaimCard(this.doc, this.labels, () => {
      this.openFor = -1;
      this.openedByHover = false;
    }));
  }

  /** True when the pointer event happened over our card (never, before it exists). */
  private overCard(e: Event): boolean {
    return !!this.cardOrNull && e.composedPath().includes(this.cardOrNull.host);
  }

  start(): void {
    this.doc.addEventListener('pointermove', this.onPointerMove, { passive: true });
    this.doc.addEventListener('focusin', this.onFocusIn);
    this.doc.defaultView?.addEventListener('keydown', this.onKeyDown);
  }

  stop(): void {
    this.doc.removeEventListener('pointermove', this.onPointerMove);
    this.doc.removeEventListener('focusin', this.onFocusIn);
    this.doc.defaultView?.removeEventListener('keydown', this.onKeyDown);
    this.clearHoverTimer();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.cardOrNull?.destroy();
    this.announcer.destroy();
    this.cursor = -1;
  }

  /** Marks changed: the old cursor and card refer to ranges that may be gone. */
  reset(): void {
    this.cardOrNull?.hide();
    this.cursor = -1;
    this.source.setFocusRange(null);
  }

  /** Opens the card of analysis.claims[index]; false when that claim is not marked. */
  focusClaim(index: number, takeFocus: boolean): boolean {
    const pos = this.source.marked().findIndex((m) => m.index === index);
    if (pos < 0) return false;
    this.moveTo(pos, takeFocus);
    return true;
  }

  private open(pos: number, byHover: boolean, takeFocus = false): void {
    const m = this.source.marked()[pos];
    if (!m) return;
    this.openFor = pos;
    this.openedByHover = byHover;
    this.card.show({ claim: m.claim, openings: this.source.openings() }, m.range, takeFocus);
  }

  private moveTo(pos: number, takeFocus: boolean): void {
    const m = this.source.marked()[pos];
    if (!m) return;
    this.cursor = pos;
    this.source.setFocusRange(m.range);
    const anchor = m.range.startContainer.parentElement;
    anchor?.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.open(pos, false, takeFocus);
    const stance = dominantStance(m.claim);
    const total = this.source.marked().length;
    this.announcer.announce(
      `${this.labels.title}: ${pos + 1} / ${total}${stance ? ` · ${this.labels.stance[stance]}` : ''} · ${m.claim.text.slice(0, 120)}`,
    );
  }

  private clearHoverTimer(): void {
    if (this.hoverTimer !== null) clearTimeout(this.hoverTimer);
    this.hoverTimer = null;
  }

  private readonly onPointerMove = (e: PointerEvent) => {
    this.pendingPoint = { x: e.clientX, y: e.clientY, overCard: this.overCard(e) };
    if (!this.frame) this.frame = requestAnimationFrame(this.hitTest);
  };

  /** At most once a frame: what is under the pointer. */
  private readonly hitTest = () => {
    this.frame = 0;
    const p = this.pendingPoint;
    if (!p) return;
    if (p.overCard) {
      this.clearHoverTimer();
      return;
    }
    const marked = this.source.marked();
    const pos = marked.length ? claimAtPoint(this.doc, p.x, p.y, marked.map((m) => m.range)) : -1;
    if (pos >= 0 && pos === this.openFor) {
      this.clearHoverTimer();
      return;
    }
    this.clearHoverTimer();
    if (pos >= 0) {
      this.hoverTimer = setTimeout(() => this.open(pos, true), HOVER_OPEN_MS);
    } else if (this.cardOrNull?.isOpen && this.openedByHover) {
      this.hoverTimer = setTimeout(() => this.card.hide(), HOVER_CLOSE_MS);
    }
  };

  private readonly onFocusIn = (e: FocusEvent) => {
    const target = e.target;
    if (!(target instanceof Node) || this.overCard(e)) return;
    const pos = this.source.marked().findIndex((m) => {
      try {
        return m.range.intersectsNode(target);
      } catch {
        return false;
      }
    });
    if (pos >= 0 && pos !== this.openFor) this.open(pos, false);
  };

  private readonly onKeyDown = (e: KeyboardEvent) => {
    const action = matchPageShortcut(e);
    if (!action) return;
    if (action === 'close-card') {
      // Escape is ours only while our card is open.
      if (!this.cardOrNull?.isOpen) return;
      this.card.hide();
      this.source.setFocusRange(null);
      e.preventDefault();
      return;
    }
    if (!this.source.pageKeysEnabled()) return;
    const count = this.source.marked().length;
    if (count === 0) return;
    e.preventDefault();
    if (action === 'next-claim') this.moveTo(this.cursor < 0 ? this.firstInView() : (this.cursor + 1) % count, false);
    else if (action === 'previous-claim')
      this.moveTo(this.cursor < 0 ? Math.max(0, this.firstInView() - 1) : (this.cursor - 1 + count) % count, false);
    else if (action === 'open-card') this.moveTo(this.cursor < 0 ? this.firstInView() : this.cursor, true);
  };

  /** First marked claim at or below the top of the viewport. */
  private firstInView(): number {
    const marked = this.source.marked();
    const pos = marked.findIndex((m) => m.range.getBoundingClientRect().bottom >= 0);
    return pos < 0 ? 0 : pos;
  }
}
