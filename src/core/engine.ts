// The one entry point every door uses: page text in, entities / claims / matches out.
import type { AnalysisResult, AnalyzeOptions } from './types';
import type { LoadedIndex } from './index/load';

export function analyze(text: string, index: LoadedIndex, options: AnalyzeOptions = {}): AnalysisResult {
  void index;
  return {
    document: { title: options.title ?? null, words: 0, matchedIndexDoc: null },
    entities: [],
    claims: [],
  };
}
