// Every string key the UI uses exists in _locales/en/messages.json, and every message's
// $NAME$ has a declared placeholder (an undeclared one would not be filled in).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getMessage, MESSAGES } from './i18n-stub';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const UI_DIRS = ['ui', 'popup', 'sidepanel', 'options'];
const KEY = /'((?:ui|popup|panel|options|state|error|stance|card)[A-Z][A-Za-z]+)'/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('UI strings', () => {
  const used = new Set<string>();
  for (const d of UI_DIRS) for (const f of files(join(SRC, d))) for (const m of readFileSync(f, 'utf8').matchAll(KEY)) used.add(m[1]);

  it('finds the keys the UI uses', () => {
    expect(used.size).toBeGreaterThan(50);
  });

  it('has every used key in messages.json', () => {
    expect([...used].filter((k) => !(k in MESSAGES))).toEqual([]);
  });

  it('declares every placeholder a message uses', () => {
    const broken = Object.entries(MESSAGES).filter(([, e]) =>
      [...e.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].some((m) => !e.placeholders?.[m[1].toLowerCase()]),
    );
    expect(broken.map(([k]) => k)).toEqual([]);
    for (const k of used) expect(getMessage(k, ['1', '2'])).not.toMatch(/\$[A-Z]+\$/);
  });
});
