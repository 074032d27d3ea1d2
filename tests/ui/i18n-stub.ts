// Gives unit tests the real English strings: a chrome.i18n.getMessage that reads
// _locales/en/messages.json with Chrome's placeholder rules ($NAME$ -> "$1" -> substitution).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export const MESSAGES_PATH = fileURLToPath(new URL('../../src/public/_locales/en/messages.json', import.meta.url));
export const MESSAGES: Record<string, Entry> = JSON.parse(readFileSync(MESSAGES_PATH, 'utf8'));

export function getMessage(key: string, subs?: string | string[]): string {
  const entry = MESSAGES[key];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''))
    .replace(/\$\$/g, '$');
}

export function installI18n(): () => void {
  const g = globalThis as { chrome?: unknown };
  const before = g.chrome;
  g.chrome = { i18n: { getMessage } };
  return () => {
    g.chrome = before;
  };
}
