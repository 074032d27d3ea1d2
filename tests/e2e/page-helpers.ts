// Main-world helpers: where a claim is on screen, what the card shows.
import type { Page } from 'playwright-core';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Scrolls to the first occurrence of `text` (searched within single text nodes, from its
 * start) and returns the boxes of the whole match, or null when not found.
 */
export async function locateText(page: Page, text: string): Promise<Box[] | null> {
  return page.evaluate((needle) => {
    const probe = needle.slice(0, 40);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const data = (n as Text).data;
      const at = data.indexOf(probe);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, Math.min(data.length, at + needle.length));
      (n.parentElement as Element).scrollIntoView({ block: 'center' });
      return Array.from(range.getClientRects()).map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
    }
    return null;
  }, text);
}

export interface CardView {
  open: boolean;
  box: Box | null;
  items: { stance: string; badge: string; source: string; statement: string; reasons: string[]; diff: string | null }[];
  focusedInside: boolean;
  /** The footer that points to the side panel when the card shows only the closest statements. */
  more: string | null;
}

export async function readCard(page: Page): Promise<CardView> {
  return page.evaluate(() => {
    const host = document.querySelector('crosscheck-card') as HTMLElement | null;
    if (!host || host.hidden || !host.shadowRoot) return { open: false, box: null, items: [], focusedInside: false, more: null };
    const card = host.shadowRoot.querySelector('.card') as HTMLElement;
    const r = card.getBoundingClientRect();
    const items = Array.from(host.shadowRoot.querySelectorAll('li.match')).map((li) => ({
      stance: (li as HTMLElement).dataset.stance ?? '',
      badge: li.querySelector('.badge')?.textContent ?? '',
      source: li.querySelector('.source')?.textContent ?? '',
      statement: li.querySelector('.statement')?.textContent ?? '',
      reasons: Array.from(li.querySelectorAll('ul.reasons li')).map((x) => x.textContent ?? ''),
      diff: li.querySelector('.diff')?.textContent ?? null,
    }));
    return {
      open: true,
      box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      items,
      more: host.shadowRoot.querySelector('p.more')?.textContent ?? null,
      focusedInside: document.activeElement === host,
    };
  });
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export async function waitFor<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let v = await probe();
  while (!ok(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    v = await probe();
  }
  return v;
}
