// Marks ranges with the CSS Custom Highlight API: no element is added around the text, so
// the page's DOM and text stay exactly as they were.
import { HIGHLIGHT_NAMES, type HighlightKind } from './highlight-styles';
import { runSliced } from './slices';

export interface Mark {
  kind: Exclude<HighlightKind, 'focus'>;
  /** Built lazily, inside the time-sliced loop. */
  range: () => Range | null;
}

const PRIORITY: Record<HighlightKind, number> = { entity: 0, related: 1, corroborates: 2, conflicts: 3, focus: 4 };

export function highlightApiAvailable(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

export class Highlighter {
  readonly supported: boolean;
  private registered = new Set<string>();
  private generation = 0;

  constructor(private readonly win: Window & typeof globalThis) {
    this.supported = highlightApiAvailable(win);
  }

  /**
   * Builds all marks in ~8 ms slices, then swaps them in at once. Returns, per mark, whether
   * a range could be built (null entries when superseded by a newer call).
   */
  async apply(marks: readonly Mark[]): Promise<boolean[] | null> {
    const gen = ++this.generation;
    const built = new Map<HighlightKind, Highlight | null>();
    const ok: boolean[] = new Array(marks.length).fill(false);
    const done = await runSliced(
      marks,
      (mark, i) => {
        const range = mark.range();
        if (!range) return;
        ok[i] = true;
        if (!this.supported) return;
        let h = built.get(mark.kind);
        if (!h) {
          h = new this.win.Highlight();
          h.priority = PRIORITY[mark.kind];
          built.set(mark.kind, h);
        }
        h.add(range);
      },
      () => gen !== this.generation,
    );
    if (!done) return null;
    if (this.supported) {
      for (const kind of ['entity', 'corroborates', 'conflicts', 'related'] as const) {
        const name = HIGHLIGHT_NAMES[kind];
        const h = built.get(kind);
        if (h) {
          this.win.CSS.highlights.set(name, h);
          this.registered.add(name);
        } else {
          this.win.CSS.highlights.delete(name);
          this.registered.delete(name);
        }
      }
    }
    return ok;
  }

  /** The claim the keyboard is on (or none). */
  setFocus(range: Range | null): void {
    if (!this.supported) return;
    const name = HIGHLIGHT_NAMES.focus;
    if (!range) {
      this.win.CSS.highlights.delete(name);
      this.registered.delete(name);
      return;
    }
    const h = new this.win.Highlight(range);
    h.priority = PRIORITY.focus;
    this.win.CSS.highlights.set(name, h);
    this.registered.add(name);
  }

  clear(): void {
    this.generation++;
    if (!this.supported) return;
    for (const name of this.registered) this.win.CSS.highlights.delete(name);
    this.registered.clear();
  }
}
