// The claim card: a custom-named host element with its own shadow root and styles,
// built with createElement/textContent only. It sits above or below the claim, never on
// it, and closes on Escape or a click elsewhere.
import type { ClaimResult, DiffPart, MatchResult, Stance } from '../core/types';
import { CARD_CSS } from './card-styles';

export interface CardLabels {
  title: string;
  close: string;
  noMatches: string;
  diffLabel: string;
  /** "{n} more in the side panel": {n} is replaced by the number not shown. */
  more: string;
  stance: Record<Stance, string>;
}

/** The card shows the closest statements; the side panel lists them all. */
export const CARD_MAX_MATCHES = 6;

export const DEFAULT_CARD_LABELS: CardLabels = {
  title: 'Crosscheck',
  close: 'Close',
  noMatches: 'No other outlet reports this statement.',
  diffLabel: 'Wording compared with this page:',
  more: '{n} more in the side panel',
  stance: { corroborates: 'Corroborates', conflicts: 'Conflicts', related: 'Related' },
};

export const STANCE_ICONS: Record<Stance, string> = { corroborates: '✓', conflicts: '✗', related: '≈' };

/** Where a statement comes from, for one match: outlet, else title, else its opening words. */
export function sourceLabel(match: Pick<MatchResult, 'outlet' | 'title' | 'statement'>, opening?: string | null): string {
  if (match.outlet) return match.title ? `${match.outlet} — ${match.title}` : match.outlet;
  if (match.title) return match.title;
  const words = (opening || match.statement).trim().split(/\s+/).slice(0, 8).join(' ');
  return `${words}…`;
}

export const CARD_TAG = 'crosscheck-card';
const GAP = 8;

/**
 * An HTML element even in an XML document (an RSS feed, an .xml page): there createElement
 * makes a namespace-less element, which cannot host a shadow root or be styled as HTML.
 */
export function htmlElement<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K): HTMLElementTagNameMap[K];
export function htmlElement(doc: Document, tag: string): HTMLElement;
export function htmlElement(doc: Document, tag: string): HTMLElement {
  return doc.createElementNS('http://www.w3.org/1999/xhtml', tag) as HTMLElement;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = htmlElement(doc, tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderDiff(doc: Document, parts: readonly DiffPart[]): HTMLElement {
  const p = el(doc, 'p');
  for (const part of parts) {
    const tag = part.op === 'del' ? 'del' : part.op === 'add' ? 'ins' : 'span';
    p.appendChild(el(doc, tag, undefined, part.text));
    p.appendChild(doc.createTextNode(' '));
  }
  return p;
}

export interface CardContent {
  claim: ClaimResult;
  /** Opening words of each matched document, by doc id (fallback source label). */
  openings?: Record<string, string>;
}

export class ClaimCard {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly card: HTMLElement;
  private anchor: Range | null = null;
  private returnFocus: HTMLElement | null = null;
  private readonly onDocPointerDown = (e: PointerEvent) => {
    if (!this.isOpen) return;
    if (e.composedPath().includes(this.host)) return;
    this.hide();
  };
  private readonly onViewportChange = () => this.place();

  constructor(
    private readonly doc: Document,
    private readonly labels: CardLabels = DEFAULT_CARD_LABELS,
    private readonly onHide: () => void = () => undefined,
  ) {
    this.host = htmlElement(doc, CARD_TAG);
    this.host.hidden = true;
    // Open so tests and assistive tools can reach in; nothing in it is secret.
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = el(doc, 'style', undefined, CARD_CSS);
    this.card = el(doc, 'div', 'card');
    this.card.setAttribute('role', 'dialog');
    this.card.setAttribute('aria-label', labels.title);
    this.card.tabIndex = -1;
    this.root.append(style, this.card);
  }

  get isOpen(): boolean {
    return !this.host.hidden && this.host.isConnected;
  }

  /** Shows the card for `content` next to `anchor`. With `takeFocus`, moves keyboard focus in. */
  show(content: CardContent, anchor: Range, takeFocus = false): void {
    this.render(content);
    this.anchor = anchor;
    if (!this.host.isConnected) {
      // Under <html>, after <body>: outside the body, so body text never changes.
      this.doc.documentElement.appendChild(this.host);
      this.doc.addEventListener('pointerdown', this.onDocPointerDown, true);
      this.doc.defaultView?.addEventListener('scroll', this.onViewportChange, { passive: true, capture: true });
      this.doc.defaultView?.addEventListener('resize', this.onViewportChange, { passive: true });
    }
    this.host.hidden = false;
    this.place();
    if (takeFocus) {
      const active = this.doc.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== this.host ? active : null;
      this.card.focus({ preventScroll: true });
    }
  }

  hide(): void {
    if (!this.host.isConnected) return;
    const hadFocus = this.doc.activeElement === this.host;
    this.host.hidden = true;
    this.host.remove();
    this.anchor = null;
    this.doc.removeEventListener('pointerdown', this.onDocPointerDown, true);
    this.doc.defaultView?.removeEventListener('scroll', this.onViewportChange, { capture: true });
    this.doc.defaultView?.removeEventListener('resize', this.onViewportChange);
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
    this.onHide();
  }

  /** True when the point is over the card (hover moved from the claim onto the card). */
  containsPoint(x: number, y: number): boolean {
    if (!this.isOpen) return false;
    const r = this.card.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  private render({ claim, openings }: CardContent): void {
    const doc = this.doc;
    this.card.replaceChildren();
    // a div, not <header>: inside the page a header would count as a second banner landmark
    const header = el(doc, 'div', 'head');
    const heading = el(doc, 'h2', undefined, claim.speaker ? `${this.labels.title} · ${claim.speaker}` : this.labels.title);
    const close = el(doc, 'button', 'close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', this.labels.close);
    close.title = this.labels.close;
    close.addEventListener('click', () => this.hide());
    header.append(heading, close);
    this.card.appendChild(header);
    if (claim.matches.length === 0) {
      this.card.appendChild(el(doc, 'p', 'empty', this.labels.noMatches));
      return;
    }
    const list = el(doc, 'ul', 'matches');
    for (const m of claim.matches.slice(0, CARD_MAX_MATCHES)) {
      const item = el(doc, 'li', 'match');
      item.dataset.stance = m.stance;
      const meta = el(doc, 'div', 'meta');
      const badge = el(doc, 'span', `badge ${m.stance}`);
      const icon = el(doc, 'span', 'icon', STANCE_ICONS[m.stance]);
      icon.setAttribute('aria-hidden', 'true');
      badge.append(icon, el(doc, 'span', 'word', this.labels.stance[m.stance]));
      meta.append(badge, el(doc, 'span', 'source', sourceLabel(m, openings?.[m.doc])));
      item.appendChild(meta);
      item.appendChild(el(doc, 'blockquote', 'statement', m.statement));
      if (m.reasons.length) {
        const reasons = el(doc, 'ul', 'reasons');
        for (const r of m.reasons) reasons.appendChild(el(doc, 'li', undefined, r));
        item.appendChild(reasons);
      }
      if (m.diff && m.diff.length) {
        const diff = el(doc, 'div', 'diff');
        diff.append(el(doc, 'span', 'diff-label', this.labels.diffLabel), renderDiff(doc, m.diff));
        item.appendChild(diff);
      }
      list.appendChild(item);
    }
    this.card.appendChild(list);
    const hidden = claim.matches.length - CARD_MAX_MATCHES;
    if (hidden > 0) this.card.appendChild(el(doc, 'p', 'more', this.labels.more.replace('{n}', String(hidden))));
  }

  /** Above or below the claim, whichever has room; height capped so it never covers it. */
  private place(): void {
    if (!this.anchor || !this.isOpen) return;
    const win = this.doc.defaultView;
    if (!win) return;
    const rect = this.anchor.getBoundingClientRect();
    const vw = win.innerWidth;
    const vh = win.innerHeight;
    this.card.style.maxHeight = '';
    const natural = this.card.getBoundingClientRect();
    const below = vh - rect.bottom - GAP * 2;
    const above = rect.top - GAP * 2;
    const putBelow = natural.height <= below || below >= above;
    const room = Math.max(80, putBelow ? below : above);
    const height = Math.min(natural.height, room);
    this.card.style.maxHeight = `${room}px`;
    const top = putBelow ? rect.bottom + GAP : rect.top - GAP - height;
    const left = Math.max(GAP, Math.min(rect.left, vw - natural.width - GAP));
    this.host.style.setProperty('--crosscheck-top', `${Math.round(top)}px`);
    this.host.style.setProperty('--crosscheck-left', `${Math.round(left)}px`);
  }

  destroy(): void {
    this.hide();
  }
}
