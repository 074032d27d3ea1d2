// Strings come from _locales/<lang>/messages.json through the browser's i18n API. Outside
// an extension (unit tests, a page opened from disk) there is no API: the key is returned,
// so a missing string is visible rather than silently empty.
type GetMessage = (key: string, substitutions?: string | string[]) => string;

interface I18nHost {
  browser?: { i18n?: { getMessage?: GetMessage } };
  chrome?: { i18n?: { getMessage?: GetMessage } };
}

function getMessageFn(): GetMessage | null {
  const g = globalThis as I18nHost;
  const api = g.browser?.i18n ?? g.chrome?.i18n;
  return typeof api?.getMessage === 'function' ? api.getMessage.bind(api) : null;
}

/** The message for `key`, with $1..$9 substitutions. Falls back to the key itself. */
export function t(key: string, subs?: string | number | (string | number)[]): string {
  const get = getMessageFn();
  if (!get) return key;
  const list = subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String);
  try {
    return get(key, list) || key;
  } catch {
    return key;
  }
}
