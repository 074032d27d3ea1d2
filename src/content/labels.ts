// Card strings from _locales (the content script may use browser.i18n), English fallback.
import browser from 'webextension-polyfill';
import { DEFAULT_CARD_LABELS, type CardLabels } from '../page/card';

function msg(name: string, fallback: string): string {
  try {
    return browser.i18n.getMessage(name) || fallback;
  } catch {
    return fallback;
  }
}

export function cardLabels(): CardLabels {
  const d = DEFAULT_CARD_LABELS;
  return {
    title: msg('cardTitle', d.title),
    close: msg('cardClose', d.close),
    noMatches: msg('cardNoMatches', d.noMatches),
    diffLabel: msg('cardDiffLabel', d.diffLabel),
    more: msg('cardMore', d.more),
    stance: {
      corroborates: msg('stanceCorroborates', d.stance.corroborates),
      conflicts: msg('stanceConflicts', d.stance.conflicts),
      related: msg('stanceRelated', d.stance.related),
    },
  };
}
