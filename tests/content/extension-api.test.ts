import { afterEach, describe, expect, it, vi } from 'vitest';

// The content script talks to the browser's own namespace (no polyfill): `browser` in
// Firefox (promise-returning listeners), `chrome` in Chrome (sendResponse + return true).
type Listener = (msg: unknown, sender: unknown, sendResponse: (r: unknown) => void) => unknown;

function fakeNamespace() {
  const listeners: Listener[] = [];
  return {
    listeners,
    ns: {
      runtime: {
        sendMessage: vi.fn(async (msg: unknown): Promise<unknown> =>
          (msg as { type?: string }).type === 'crosscheck:get-settings' ? { enabled: false, sensitivity: 7 } : { echoed: msg },
        ),
        onMessage: { addListener: (l: Listener) => listeners.push(l) },
      },
      i18n: { getMessage: (name: string) => (name === 'cardTitle' ? 'Crosscheck (de)' : '') },
    },
  };
}

async function load(global: 'chrome' | 'browser') {
  vi.resetModules();
  const fake = fakeNamespace();
  vi.stubGlobal(global, fake.ns);
  if (global === 'chrome') vi.stubGlobal('browser', undefined);
  const api = await import('../../src/content/extension-api');
  return { api, fake };
}

afterEach(() => vi.unstubAllGlobals());

describe('content script extension API', () => {
  it('Chrome: answers a message later through sendResponse, and says so by returning true', async () => {
    const { api, fake } = await load('chrome');
    api.onMessage((m) => (api.isCrosscheckMessage(m) ? Promise.resolve({ ready: true }) : undefined));
    const sendResponse = vi.fn();
    expect(fake.listeners[0]({ type: 'crosscheck:state' }, {}, sendResponse)).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(sendResponse).toHaveBeenCalledWith({ ready: true });
    // Not ours: no answer, so another listener may give one.
    expect(fake.listeners[0]({ type: 'other' }, {}, sendResponse)).toBe(false);
  });

  it('Chrome: a failed handler answers in the polyfill shape the background understands', async () => {
    const { api, fake } = await load('chrome');
    api.onMessage(() => Promise.reject(new Error('claim 9 is not highlighted')));
    const sendResponse = vi.fn();
    fake.listeners[0]({ type: 'crosscheck:focus-claim' }, {}, sendResponse);
    await new Promise((r) => setTimeout(r, 0));
    expect(sendResponse).toHaveBeenCalledWith({ __mozWebExtensionPolyfillReject__: true, message: 'claim 9 is not highlighted' });
  });

  it('Firefox: listeners return the promise itself', async () => {
    const { api, fake } = await load('browser');
    api.onMessage(() => Promise.resolve(42));
    await expect(fake.listeners[0]({ type: 'crosscheck:state' }, {}, () => undefined) as Promise<number>).resolves.toBe(42);
  });

  it('sends to the background, turns a rejected reply into an error, reads settings and strings', async () => {
    const { api, fake } = await load('chrome');
    await expect(api.sendToBackground({ type: 'crosscheck:index-status' })).resolves.toEqual({ echoed: { type: 'crosscheck:index-status' } });
    fake.ns.runtime.sendMessage.mockResolvedValueOnce({ __mozWebExtensionPolyfillReject__: true, message: 'index broken' });
    await expect(api.sendToBackground({ type: 'crosscheck:index-status' })).rejects.toThrow('index broken');
    // Settings come from the background (the content script does not use storage), validated.
    const settings = await api.loadSettings();
    expect(fake.ns.runtime.sendMessage).toHaveBeenLastCalledWith({ type: 'crosscheck:get-settings' });
    expect(settings.enabled).toBe(false);
    expect(settings.sensitivity).toBe(1); // validated: clamped to 0..1
    // No answer (a background that failed): the defaults.
    fake.ns.runtime.sendMessage.mockRejectedValueOnce(new Error('no receiver'));
    expect((await api.loadSettings()).enabled).toBe(true);
    expect(api.message('cardTitle', 'Crosscheck')).toBe('Crosscheck (de)');
    expect(api.message('cardClose', 'Close')).toBe('Close');
  });
});
