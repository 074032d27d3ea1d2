// Word-level diff of a reworded quote: removed words struck through, added words
// underlined, each also announced in words for screen readers.
import type { DiffPart } from '../core/types';
import { t } from './i18n';

export function WordDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <p class="cc-diff">
      <span class="cc-diff__label">{t('cardDiffLabel')} </span>
      {parts.map((p, i) =>
        p.op === 'del' ? (
          <del key={i}>
            <span class="cc-visually-hidden">{t('uiDiffRemoved')} </span>
            {p.text}
          </del>
        ) : p.op === 'add' ? (
          <ins key={i}>
            <span class="cc-visually-hidden">{t('uiDiffAdded')} </span>
            {p.text}
          </ins>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}
