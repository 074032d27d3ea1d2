// A linkedom document for rendering Preact components in the node test environment.
import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';

export function setupDom() {
  const { window, document } = parseHTML('<!doctype html><html lang="en"><head><title>t</title></head><body></body></html>');
  Object.assign(globalThis, {
    window,
    document,
    Node: window.Node,
    Event: window.Event,
    HTMLElement: window.HTMLElement,
    location: { search: '' },
    // Preact runs effects after the next frame (or a 100 ms fallback without rAF).
    requestAnimationFrame: (cb: (t: number) => void) => setTimeout(() => cb(Date.now()), 0),
    cancelAnimationFrame: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
  });
  return { window, document };
}

/** Renders into a fresh container and returns it. */
export function mount(vnode: ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.appendChild(container);
  render(vnode, container);
  return container;
}

export function unmount(container: HTMLElement): void {
  render(null, container);
  container.remove();
}

/** Lets Preact's debounced re-render and pending promises run. */
export function flush(ms = 0): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function click(el: Element | null): void {
  if (!el) throw new Error('nothing to click');
  el.dispatchEvent(new (window as unknown as typeof globalThis).Event('click', { bubbles: true }));
}

/** Sets a checkbox / select / input value the way a user would and fires its events. */
export function setValue(el: Element | null, value: string | boolean): void {
  if (!el) throw new Error('no element');
  const E = (window as unknown as typeof globalThis).Event;
  if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
  else if (el.tagName === 'SELECT') {
    // linkedom's select.value is read-only: pick the option instead.
    for (const o of Array.from(el.querySelectorAll('option'))) {
      if (o.getAttribute('value') === value) o.setAttribute('selected', '');
      else o.removeAttribute('selected');
    }
  } else (el as HTMLInputElement).value = value;
  el.dispatchEvent(new E('input', { bubbles: true }));
  el.dispatchEvent(new E('change', { bubbles: true }));
}

/** linkedom has no `checked` property: Preact then writes the attribute. */
export function isChecked(el: Element | null): boolean {
  const prop = (el as HTMLInputElement | null)?.checked;
  return typeof prop === 'boolean' ? prop : !!el?.hasAttribute('checked');
}
