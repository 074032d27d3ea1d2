// Exports are saved through a temporary <a download> on a Blob URL: nothing leaves the browser.
import { describe, expect, it, vi } from 'vitest';
import { setupDom } from './dom';
import { downloadText } from '../../src/sidepanel/download';

describe('downloadText', () => {
  it('clicks a temporary link to a blob URL, then removes it and frees the URL', async () => {
    vi.useFakeTimers();
    const { document, window } = setupDom();
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:chrome-extension://x/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string | null; download: string | null; inDoc: boolean }[] = [];
    document.addEventListener('click', (e: Event) => {
      const a = e.target as HTMLAnchorElement;
      clicked.push({ href: a.getAttribute('href'), download: a.getAttribute('download'), inDoc: document.body.contains(a) });
    });
    (window.HTMLElement.prototype as { click?: () => void }).click ??= function (this: HTMLElement) {
      this.dispatchEvent(new window.Event('click', { bubbles: true }));
    };
    downloadText(document as unknown as Document, 'x.csv', 'text/csv', 'a,b\r\n');
    expect(clicked).toEqual([{ href: 'blob:chrome-extension://x/1', download: 'x.csv', inDoc: true }]);
    expect(document.querySelector('a')).toBeNull();
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
    expect(await blobs[0].text()).toBe('a,b\r\n');
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(revoke).toHaveBeenCalledWith('blob:chrome-extension://x/1');
    create.mockRestore();
    revoke.mockRestore();
    vi.useRealTimers();
  });
});
