// Watches the page for changes that may have replaced the article (single-page apps,
// live blogs, lazy-loaded text). Calls `onSettled` ~500 ms after mutations stop, but at
// least every `maxWaitMs` while they never stop, and backs off when checks keep finding
// nothing new, so a page that mutates every frame costs little.

export interface WatchOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  /** Mutations inside these nodes are ours (the card) and are ignored. */
  ignore?: (node: Node) => boolean;
}

export class PageWatcher {
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPending = 0;
  private idleChecks = 0;
  private lastHref: string;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(
    private readonly doc: Document,
    /** Returns true when it found a real change (resets the back-off). */
    private readonly onSettled: () => boolean | Promise<boolean>,
    private readonly options: WatchOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 500;
    this.maxWaitMs = options.maxWaitMs ?? 2000;
    this.lastHref = doc.location?.href ?? '';
  }

  start(): void {
    if (this.observer) return;
    const win = this.doc.defaultView;
    if (!win) return;
    this.observer = new win.MutationObserver((records) => {
      const ignore = this.options.ignore;
      // Our own card coming and going (added under <html>) is not a page change.
      const ours = (r: MutationRecord) =>
        !!ignore &&
        (ignore(r.target) ||
        (r.type === 'childList' && [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every((n) => ignore(n))));
      if (records.every(ours)) return;
      this.schedule();
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    win.addEventListener('popstate', this.onNavigate);
  }

  private readonly onNavigate = () => this.schedule();

  private schedule(): void {
    const now = performance.now();
    if (this.timer === null) this.firstPending = now;
    else clearTimeout(this.timer);
    // Back off while checks find nothing: 500 ms, 1 s, 2 s, ... up to 8 s.
    const backoff = Math.min(16, 2 ** Math.min(this.idleChecks, 4));
    const debounce = this.debounceMs * backoff;
    const maxWait = this.maxWaitMs * backoff;
    const wait = Math.max(0, Math.min(debounce, this.firstPending + maxWait - now));
    this.timer = setTimeout(() => void this.fire(), wait);
  }

  private async fire(): Promise<void> {
    this.timer = null;
    const href = this.doc.location?.href ?? '';
    const navigated = href !== this.lastHref;
    this.lastHref = href;
    let changed = false;
    try {
      changed = await this.onSettled();
    } catch (err) {
      console.warn('Crosscheck: re-check failed', err);
    }
    this.idleChecks = changed || navigated ? 0 : this.idleChecks + 1;
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.doc.defaultView?.removeEventListener('popstate', this.onNavigate);
  }
}
