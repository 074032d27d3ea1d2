// The card's own styles, inside its shadow root: page CSS cannot reach in, and ours cannot
// leak out. `all: initial` on the host stops inherited page styles (font, colour, ...).
export const CARD_CSS = `
:host {
  /* Important :host rules beat the page's, inline styles included (inner context wins for
     !important), so the position comes in through custom properties, which \`all\` keeps. */
  all: initial !important;
  position: fixed !important;
  top: var(--crosscheck-top, 0) !important;
  left: var(--crosscheck-left, 0) !important;
  z-index: 2147483647 !important;
  display: block !important;
  contain: layout style;
}
:host([hidden]) { display: none !important; }
.card {
  box-sizing: border-box;
  width: min(420px, calc(100vw - 16px));
  overflow: auto;
  background: #fff;
  color: #1b1b1f;
  border: 1px solid #8a8f98;
  border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.22);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  padding: 10px 12px;
}
.card:focus { outline: 2px solid #1c4e8c; outline-offset: 2px; }
.head { display: flex; align-items: baseline; gap: 8px; margin-bottom: 6px; }
h2 { font-size: 13px; font-weight: 600; margin: 0; flex: 1; color: #44474f; }
button.close {
  all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 4px; color: #44474f;
}
button.close:focus-visible { outline: 2px solid #1c4e8c; }
ul.matches { list-style: none; margin: 0; padding: 0; }
li.match { border-top: 1px solid #e2e2e6; padding: 8px 0; }
li.match:first-child { border-top: 0; }
.meta { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 4px; }
.source { font-weight: 600; }
.badge {
  display: inline-flex; gap: 4px; align-items: center; font-size: 12px; font-weight: 600;
  padding: 1px 7px; border-radius: 10px; border: 1px solid currentColor;
}
.badge.corroborates { color: #1a7f37; }
.badge.conflicts { color: #b3261e; border-style: dashed; }
.badge.related { color: #4a4e96; border-style: dotted; }
blockquote { margin: 4px 0; padding: 0 0 0 8px; border-left: 3px solid #c9c9d1; color: #2b2b30; }
ul.reasons { margin: 4px 0 0; padding-left: 18px; font-size: 13px; color: #44474f; }
.diff { margin-top: 4px; font-size: 13px; }
.diff-label { color: #44474f; }
del { background: #fde2e1; color: #8c1d18; text-decoration: line-through; }
ins { background: #dcf5e3; color: #0f5223; text-decoration: underline; }
p.empty, p.more { margin: 0; color: #44474f; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f2024; color: #e6e6ea; border-color: #5c5f66; }
  h2, button.close, ul.reasons, .diff-label, p.empty, p.more { color: #c4c6cf; }
  blockquote { color: #dcdce2; border-color: #4a4c52; }
  li.match { border-color: #3a3b40; }
  .badge.corroborates { color: #6fdc8c; } .badge.conflicts { color: #ff8a80; } .badge.related { color: #b2b5ff; }
  del { background: #5c1f1b; color: #ffdad6; } ins { background: #1d4a2a; color: #c8f5d3; }
}
@media (forced-colors: active) { .card { border-color: CanvasText; } }
`;
