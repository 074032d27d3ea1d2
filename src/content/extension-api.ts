// The few extension APIs the content script uses, straight from the browser's namespace:
// `browser` in Firefox, `chrome` in Chrome (MV3 calls there return promises too). The
// content script runs on every page, so it does not load webextension-polyfill: importing it
// wraps the whole `chrome` object in proxies and touches every API namespace, which made up
// a good part of the script's main-thread time on a short page. Replies keep the
// polyfill's shape, so the background and popup (which use it) see no difference.
import type { BackgroundReplies } from '../messaging/send';
import { validateSettings } from '../messaging/settings';
import type { Settings, ToBackground } from '../messaging/types';

type SendResponse = (reply: unknown) => void;
type RawListener = (msg: unknown, sender: unknown, sendResponse: SendResponse) => unknown;

interface Namespace {
  runtime: {
    sendMessage(msg: unknown): Promise<unknown>;
    onMessage: { addListener(l: RawListener): void };
  };
  i18n: { getMessage(name: string): string };
}

/** How the polyfill sends a rejected reply across (and turns it back into a rejection). */
const REJECT_MARK = '__mozWebExtensionPolyfillReject__';

function namespaces(): { api: Namespace | null; promiseListeners: boolean } {
  const g = globalThis as unknown as { browser?: Namespace; chrome?: Namespace };
  // Firefox: listeners may return promises. Chrome: they answer through sendResponse.
  if (g.browser?.runtime?.onMessage) return { api: g.browser, promiseListeners: true };
  return { api: g.chrome?.runtime?.onMessage ? g.chrome : null, promiseListeners: false };
}

const { api, promiseListeners } = namespaces();

function need(): Namespace {
  if (!api) throw new Error('Crosscheck: no extension API in this context');
  return api;
}

export async function sendToBackground<M extends ToBackground>(msg: M): Promise<BackgroundReplies[M['type']]> {
  const reply = await need().runtime.sendMessage(msg);
  if (typeof reply === 'object' && reply !== null && REJECT_MARK in reply) {
    throw new Error(String((reply as { message?: unknown }).message ?? 'the background failed'));
  }
  return reply as BackgroundReplies[M['type']];
}

/**
 * Answers messages: `handler` returns a promise of the reply, or undefined for messages
 * that are not ours (so another listener may answer).
 */
export function onMessage(handler: (msg: unknown) => Promise<unknown> | undefined): void {
  need().runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    const reply = handler(msg);
    if (reply === undefined) return promiseListeners ? undefined : false;
    if (promiseListeners) return reply;
    reply.then(sendResponse, (err: unknown) =>
      sendResponse({ [REJECT_MARK]: true, message: err instanceof Error ? err.message : String(err) }),
    );
    return true; // the answer comes later
  });
}

/**
 * The settings, from the background (which sends every later change as
 * 'crosscheck:settings-changed'). Not from storage: the first use of `storage` in a page
 * builds its API bindings, a few milliseconds of the page's main thread on every page,
 * while the runtime messaging this uses is needed anyway.
 */
export async function loadSettings(): Promise<Settings> {
  try {
    return validateSettings(await sendToBackground({ type: 'crosscheck:get-settings' }));
  } catch {
    return validateSettings(undefined);
  }
}

/** A localised string, or `fallback` where there is none. */
export function message(name: string, fallback: string): string {
  try {
    return need().i18n.getMessage(name) || fallback;
  } catch {
    return fallback;
  }
}

export function isCrosscheckMessage(msg: unknown): msg is { type: string } {
  return typeof msg === 'object' && msg !== null && typeof (msg as { type?: unknown }).type === 'string' && (msg as { type: string }).type.startsWith('crosscheck:');
}
