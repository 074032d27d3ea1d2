import { describe, expect, it } from 'vitest';
import { Progress, formatDuration } from '../../src/cli/progress';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => writes.push(s) } };
}

describe('build:index progress', () => {
  it('on a terminal: one line rewritten in place, problems on lines of their own', () => {
    let now = 0;
    const { writes, stream } = fakeStream(true);
    const p = new Progress(stream, 10_000, () => now);
    p.start('pass 1/2');
    now = 1000;
    p.update(100, 400, 50, '1/4 files');
    now = 1100;
    p.update(150, 400, 60, 'not shown: too soon');
    now = 2000;
    p.say('a.jsonl:3: not valid JSON');
    p.update(200, 400, 100, '2/4 files');
    now = 4000;
    p.finish('4 files');
    expect(writes).toEqual([
      '\rpass 1/2: 1/4 files, 50 articles/s, ETA 0:03\x1b[K',
      '\r\x1b[K',
      'a.jsonl:3: not valid JSON\n',
      '\rpass 1/2: 2/4 files, 50 articles/s, ETA 0:02\x1b[K',
      '\rpass 1/2: 4 files in 0:04\x1b[K',
      '\n',
    ]);
  });

  it('in a log: a line every interval, and always the last one', () => {
    let now = 0;
    const { writes, stream } = fakeStream(false);
    const p = new Progress(stream, 10_000, () => now);
    p.start('pass 2/2');
    for (let s = 1; s <= 25; s++) {
      now = s * 1000;
      p.update(s, 25, s * 10, `${s}/25 articles`);
    }
    p.finish('25 articles');
    expect(writes).toEqual([
      'pass 2/2: 10/25 articles, 10 articles/s, ETA 0:15\n',
      'pass 2/2: 20/25 articles, 10 articles/s, ETA 0:05\n',
      'pass 2/2: 25 articles in 0:25\n',
    ]);
  });

  it('durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(Infinity)).toBe('?');
  });
});
