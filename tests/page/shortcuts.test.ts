import { describe, expect, it } from 'vitest';
import { PAGE_SHORTCUTS, shortcutOf } from '../../src/page/shortcuts';

describe('in-page shortcuts', () => {
  it('need Ctrl or Alt, except Escape (which only closes an open card)', () => {
    for (const combo of Object.keys(PAGE_SHORTCUTS)) {
      if (combo === 'Escape') continue;
      expect(combo, combo).toMatch(/^(Ctrl|Alt)\+/);
    }
  });

  it('are named by physical key, so Option on macOS and other layouts still match', () => {
    const e = { ctrlKey: false, altKey: true, shiftKey: false, metaKey: false, code: 'KeyJ', key: '∆' };
    expect(PAGE_SHORTCUTS[shortcutOf(e)]).toBe('next-claim');
    expect(PAGE_SHORTCUTS[shortcutOf({ ...e, code: 'KeyJ', shiftKey: true })]).toBeUndefined();
    expect(PAGE_SHORTCUTS[shortcutOf({ ...e, code: 'NumpadEnter', key: 'Enter' })]).toBe('open-card');
    expect(PAGE_SHORTCUTS[shortcutOf({ ...e, altKey: false, code: 'KeyJ', key: 'j' })]).toBeUndefined();
  });
});
