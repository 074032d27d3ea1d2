// A small hand-made analysis with the awkward cases: markup-looking text, formula-looking
// text, commas, quotes, newlines, a claim without matches, a match without outlet/title.
import type { AnalysisResult } from '../../src/core/types';

export const XSS = '<img src=x onerror=alert(1)>';

export const SAMPLE: AnalysisResult = {
  document: { title: 'Minister: "talks will resume", says aide', words: 420, matchedIndexDoc: null },
  entities: [
    { id: 'e-zel', name: 'Volodymyr Zelensky', type: 'person', mentions: [{ text: 'Zelenskiy', start: 0, end: 9 }] },
    { id: 'e-un', name: 'United Nations', type: 'organization', mentions: [{ text: 'UN', start: 40, end: 42 }] },
  ],
  claims: [
    {
      text: 'Zelensky said talks "would resume" next week.',
      start: 0,
      end: 46,
      kind: 'quote',
      speaker: 'Volodymyr Zelensky',
      entities: ['e-zel'],
      matches: [
        {
          doc: '003_47dcfd72622b8e67',
          outlet: 'Kyiv Independent',
          title: 'Talks to resume, Zelensky says',
          statement: 'Talks will resume next week, Zelensky said.',
          stance: 'corroborates',
          score: 0.91234,
          reasons: ['same quote; wording differs: would -> will'],
          diff: [
            { op: 'same', text: 'talks ' },
            { op: 'del', text: 'would' },
            { op: 'add', text: 'will' },
            { op: 'same', text: ' resume' },
          ],
        },
        {
          doc: '001_05538c842d29af46',
          outlet: '=HYPERLINK("http://evil")',
          title: null,
          statement: `Talks are off, officials said ${XSS}`,
          stance: 'conflicts',
          score: 0.7,
          reasons: ['negation: "are off" vs "resume"', '-2 weeks'],
        },
      ],
    },
    {
      text: `The UN counted 1,200 displaced ${XSS}`,
      start: 40,
      end: 90,
      kind: 'figure',
      speaker: null,
      entities: ['e-un'],
      matches: [
        {
          doc: '002_ea448918cd7fbcf1',
          outlet: null,
          title: null,
          statement: 'About 1,200 people were displaced,\naccording to UN figures released on Monday.',
          stance: 'related',
          score: 0.55,
          reasons: ['same figure'],
        },
      ],
    },
    {
      text: '+1 more thing nobody else reported',
      start: 100,
      end: 134,
      kind: 'statement',
      speaker: null,
      entities: [],
      matches: [],
    },
  ],
};

export const SAMPLE_PAGE = { url: 'https://news.example.com/a?b=1', title: SAMPLE.document.title, analysis: SAMPLE };
