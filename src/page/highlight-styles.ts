// The names the marks are registered under in CSS.highlights. Their ::highlight() styles are
// in src/content/highlights.css, which the manifest declares for the content script.

export const HIGHLIGHT_NAMES = {
  entity: 'crosscheck-entity',
  corroborates: 'crosscheck-corroborates',
  conflicts: 'crosscheck-conflicts',
  related: 'crosscheck-related',
  focus: 'crosscheck-focus',
} as const;

export type HighlightKind = keyof typeof HIGHLIGHT_NAMES;
