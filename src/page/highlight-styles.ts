// The ::highlight() styles. Stances differ by underline style as well as colour (solid =
// corroborates, wavy = conflicts, dotted = related), so they stay apart without colour
// vision and in forced-colours mode.

export const HIGHLIGHT_NAMES = {
  entity: 'crosscheck-entity',
  corroborates: 'crosscheck-corroborates',
  conflicts: 'crosscheck-conflicts',
  related: 'crosscheck-related',
  focus: 'crosscheck-focus',
} as const;

export type HighlightKind = keyof typeof HIGHLIGHT_NAMES;

export const HIGHLIGHT_CSS = `
::highlight(crosscheck-entity) {
  background-color: rgba(255, 200, 0, 0.22);
}
::highlight(crosscheck-corroborates) {
  text-decoration: underline solid 2px #1a7f37;
  text-underline-offset: 3px;
  background-color: rgba(26, 127, 55, 0.07);
}
::highlight(crosscheck-conflicts) {
  text-decoration: underline wavy 1.5px #c62828;
  text-underline-offset: 3px;
  background-color: rgba(198, 40, 40, 0.07);
}
::highlight(crosscheck-related) {
  text-decoration: underline dotted 2px #5b5fa8;
  text-underline-offset: 3px;
}
::highlight(crosscheck-focus) {
  background-color: rgba(28, 78, 140, 0.25);
}
@media (forced-colors: active) {
  ::highlight(crosscheck-corroborates), ::highlight(crosscheck-conflicts), ::highlight(crosscheck-related) {
    text-decoration-color: CanvasText;
  }
  ::highlight(crosscheck-focus) { background-color: Highlight; color: HighlightText; }
}
`;

/**
 * Adds the highlight styles to the document: a constructed stylesheet on
 * document.adoptedStyleSheets where that works from this script's world, else a <style>
 * element filled with textContent in <head> (outside the body, so the page's text is
 * unchanged). Returns a function that removes them.
 */
export function injectHighlightStyles(doc: Document): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    // Firefox content scripts (Xray wrappers) may accept the assignment without effect.
    if (doc.adoptedStyleSheets.includes(sheet))
      return () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      };
  } catch {
    // fall through to a <style> element
  }
  // In the XHTML namespace, so it is a style sheet in an XML document too.
  const style = doc.createElementNS('http://www.w3.org/1999/xhtml', 'style');
  style.textContent = HIGHLIGHT_CSS;
  style.setAttribute('data-crosscheck', '');
  (doc.head ?? doc.documentElement).appendChild(style);
  return () => style.remove();
}
