// In-page keys in one map with a small matcher (after Hypothesis's shortcut config). All
// need a modifier except Escape, which only acts while a Crosscheck card is open. Keys are
// ignored inside form fields and editable content, and when the page already handled them.

export type PageAction = 'next-claim' | 'previous-claim' | 'open-card' | 'close-card';

export const PAGE_SHORTCUTS: Readonly<Record<string, PageAction>> = {
  'Alt+KeyJ': 'next-claim',
  'Alt+KeyK': 'previous-claim',
  'Alt+Enter': 'open-card',
  Escape: 'close-card',
};

/** "Ctrl+Alt+Shift+Meta+<code>", using KeyboardEvent.code so layouts and macOS Option work. */
export function shortcutOf(e: Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey' | 'code' | 'key'>): string {
  const parts: string[] = [];
  if (e.ctrlKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  if (e.metaKey) parts.push('Meta');
  parts.push(e.code === 'NumpadEnter' ? 'Enter' : e.code || e.key);
  return parts.join('+');
}

export function isEditableTarget(target: EventTarget | null): boolean {
  const el = target as (Element & { isContentEditable?: boolean }) | null;
  if (!el || typeof el.closest !== 'function') return false;
  if (el.isContentEditable) return true;
  return el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"]') !== null;
}

export function matchPageShortcut(e: KeyboardEvent): PageAction | null {
  if (e.defaultPrevented || e.isComposing || e.repeat) return null;
  const path = typeof e.composedPath === 'function' ? e.composedPath() : [];
  if (isEditableTarget(path[0] ?? e.target)) return null;
  return PAGE_SHORTCUTS[shortcutOf(e)] ?? null;
}
