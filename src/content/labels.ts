// Card strings from _locales (the content script may use browser.i18n), English fallback.
import { DEFAULT_CARD_LABELS, type CardLabels } from '../page/card';
import { message as msg } from './extension-api';

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
