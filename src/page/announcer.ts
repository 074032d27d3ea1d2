// A polite live region for keyboard navigation ("Claim 2 of 9: conflicts"), so moving
// between claims is heard as well as seen. It lives in its own shadow root under <html>,
// outside the body, so the page's text is unchanged.
import { htmlElement } from './card';

export const ANNOUNCER_TAG = 'crosscheck-status';

export class Announcer {
  private host: HTMLElement | null = null;
  private region: HTMLElement | null = null;

  constructor(private readonly doc: Document) {}

  announce(message: string): void {
    if (!this.host || !this.host.isConnected) {
      this.host = htmlElement(this.doc, ANNOUNCER_TAG);
      const root = this.host.attachShadow({ mode: 'open' });
      const style = htmlElement(this.doc, 'style');
      style.textContent =
        ':host{all:initial!important;position:fixed!important;width:1px!important;height:1px!important;overflow:hidden!important;clip-path:inset(50%)!important;white-space:nowrap!important;}';
      this.region = htmlElement(this.doc, 'div');
      this.region.setAttribute('role', 'status');
      this.region.setAttribute('aria-live', 'polite');
      root.append(style, this.region);
      this.doc.documentElement.appendChild(this.host);
    }
    // Clear first so the same message twice is announced twice.
    const region = this.region as HTMLElement;
    region.textContent = '';
    setTimeout(() => (region.textContent = message), 50);
  }

  destroy(): void {
    this.host?.remove();
    this.host = null;
    this.region = null;
  }
}
