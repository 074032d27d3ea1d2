import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, makeManifest } from '../../manifest.config';

const messages = JSON.parse(readFileSync('src/public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

describe('manifest', () => {
  it('has at most four commands, each with Ctrl or Alt', () => {
    const entries = Object.entries(COMMANDS);
    expect(entries.length).toBeLessThanOrEqual(4);
    for (const [, c] of entries) expect(c.suggested_key.default).toMatch(/(^|\+)(Ctrl|Alt)\+/);
  });

  it('asks for minimal permissions', () => {
    expect(makeManifest('chrome').permissions).toEqual(['storage', 'sidePanel']);
    expect(makeManifest('firefox').permissions).toEqual(['storage']);
  });

  it('gives Firefox a sidebar and gecko settings, Chrome a side panel and a service worker', () => {
    const ff = makeManifest('firefox') as Record<string, unknown>;
    expect(ff.sidebar_action).toMatchObject({ default_panel: 'src/sidepanel/index.html' });
    expect(ff.browser_specific_settings).toEqual({
      gecko: { id: 'crosscheck@example.org', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    });
    const ch = makeManifest('chrome') as Record<string, unknown>;
    expect(ch.side_panel).toEqual({ default_path: 'src/sidepanel/index.html' });
    expect(ch.background).toMatchObject({ service_worker: 'src/background/main.ts' });
  });

  it('has every __MSG_ string it uses in _locales/en/messages.json', () => {
    const used = JSON.stringify([makeManifest('chrome'), makeManifest('firefox')]).match(/__MSG_(\w+)__/g) ?? [];
    for (const m of used) expect(messages[m.slice(6, -2)], m).toBeDefined();
  });
});
