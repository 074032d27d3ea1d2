// Progress of a long CLI run on stderr: one line rewritten in place on a terminal, a line
// every few seconds otherwise (logs, CI), and always a last line per phase.

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

const num = (n: number) => n.toLocaleString('en-US');

export class Progress {
  private phaseStart = 0;
  private lastShown = 0;
  private open = false;
  private label = '';

  constructor(
    private readonly out: ProgressStream,
    /** Milliseconds between lines when not on a terminal. */
    private readonly everyMs = 10_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private get tty(): boolean {
    return !!this.out.isTTY;
  }

  start(label: string): void {
    this.label = label;
    this.phaseStart = this.now();
    this.lastShown = this.phaseStart;
  }

  /**
   * `done` of `total` units of work (bytes, articles) for the ETA; `articles` done for the rate;
   * `detail` says what is done in words.
   */
  update(done: number, total: number, articles: number, detail: string, force = false): void {
    const t = this.now();
    if (!force && t - this.lastShown < (this.tty ? 200 : this.everyMs)) return;
    this.lastShown = t;
    const secs = (t - this.phaseStart) / 1000;
    const rate = secs > 0 ? articles / secs : 0;
    const eta = done > 0 && total > done ? formatDuration((secs * (total - done)) / done) : done >= total ? '0:00' : '?';
    this.line(`${this.label}: ${detail}, ${num(Math.round(rate))} articles/s, ETA ${eta}`);
  }

  /** The phase's last line: what was done and how long it took. */
  finish(detail: string): void {
    const secs = (this.now() - this.phaseStart) / 1000;
    this.line(`${this.label}: ${detail} in ${formatDuration(secs)}`);
    this.endLine();
  }

  /** A message of its own (a problem, the summary), never mixed into the progress line. */
  say(message: string): void {
    this.endLine(true);
    this.out.write(message + '\n');
  }

  private line(s: string): void {
    if (this.tty) {
      this.out.write(`\r${s}\x1b[K`);
      this.open = true;
    } else this.out.write(s + '\n');
  }

  private endLine(clear = false): void {
    if (!this.open) return;
    this.out.write(clear ? '\r\x1b[K' : '\n');
    this.open = false;
  }
}

export { num as formatCount };
