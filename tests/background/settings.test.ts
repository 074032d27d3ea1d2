import { describe, expect, it } from 'vitest';
import { isSiteEnabled, validateSettings } from '../../src/messaging/settings';
import { DEFAULT_SETTINGS } from '../../src/messaging/types';

describe('settings validation', () => {
  it('turns anything corrupted into the defaults, never throws', () => {
    for (const raw of [undefined, null, 'garbage', 42, [], [1, 2], { enabled: 'yes' }, { sensitivity: Number.NaN }])
      expect(validateSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every valid field and repairs the others', () => {
    const s = validateSettings({
      enabled: false, pageKeys: 'no', sensitivity: 7, markEntities: false,
      disabledSites: ['Example.COM', ' news.example.org ', 'not a host!', 3, 'example.com'],
    });
    expect(s).toEqual({ enabled: false, pageKeys: true, sensitivity: 1, markEntities: false, disabledSites: ['example.com', 'news.example.org'] });
  });

  it('does not share the default list between results', () => {
    const a = validateSettings(undefined);
    a.disabledSites.push('x.org');
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });

  it('switches sites off by host and subdomain, and everything when disabled', () => {
    const s = validateSettings({ disabledSites: ['example.com'] });
    expect(isSiteEnabled(s, 'https://example.com/a')).toBe(false);
    expect(isSiteEnabled(s, 'https://www.example.com/a')).toBe(false);
    expect(isSiteEnabled(s, 'https://notexample.com/a')).toBe(true);
    expect(isSiteEnabled({ ...s, enabled: false }, 'https://other.org/')).toBe(false);
    expect(isSiteEnabled(s, 'not a url')).toBe(false);
  });
});
