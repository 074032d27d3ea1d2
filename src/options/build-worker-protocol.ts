// Messages between the options page and its index-build worker.
import type { ImportedArticle } from '../core/corpus/records';
import type { BuildOutcome, BuildPhase } from '../storage/corpus-build';
import type { CorpusSource } from '../storage/corpus-model';

export type NewSourceMeta = Omit<CorpusSource, 'articleCount'>;

export type ToBuildWorker =
  | { type: 'add'; source: NewSourceMeta; articles: ImportedArticle[] }
  /** An exported Crosscheck index file, checked in the worker (validateIndex) before anything is written. */
  | { type: 'add-index-file'; source: NewSourceMeta; fileName: string; text: string }
  | { type: 'toggle'; id: string; enabled: boolean }
  | { type: 'remove'; id: string }
  | { type: 'rebuild' };

export type FromBuildWorker =
  | { type: 'phase'; phase: BuildPhase; share?: number }
  | { type: 'done'; outcome: BuildOutcome }
  | { type: 'failed'; error: string };
