import { describe, expect, it } from 'vitest';
import { article, indexOf, matchesFor } from './helpers';
import { STANCE_RULES } from '../../src/core/stance/rules';
import { wordDiff, describeDiff } from '../../src/core/stance/diff';

// A small corpus of our own: a city story told by two outlets, and one unrelated article.
const riverton = article(
  'riverton-herald',
  [
    'Riverton Council Backs Harbour Plan',
    'Mayor Ana Ortiz said on Tuesday that the council approved the harbour expansion plan after a long debate.',
    '“We will open the new bridge in March, and the city will pay for every cent of it,” Ortiz said.',
    'The regional government pledged $40 million in flood relief for Riverton, officials said.',
    'Governor Paul Lee said he likes the concept of a toll road between Riverton and Easton.',
    'Senator Mia Park said a recount of the Riverton ballots is not necessary.',
    'By Friday evening the fisheries summit had produced no agreement on fishing quotas for Riverton, delegates said.',
    'The port authority signed a $50 billion drone contract with Skyline Systems.',
    'Ortiz and Governor Paul Lee held a 40-minute phone call on Wednesday about the flood barriers.',
    'Ortiz said the repairs to the Riverton flood barriers would be finished within 10 days.',
  ].join('\n'),
  'Riverton Herald',
);
const weather = article(
  'valley-weather',
  'Heavy snow closed mountain passes across the northern valley on Sunday, and forecasters expect more storms this week.',
  'Valley Weather',
);
const index = indexOf(riverton, weather);

const covered = new Set<string>();
function expectStance(page: string, needle: string, stance: string, reason: RegExp, rule: string) {
  const ms = matchesFor(index, page, needle);
  const m = ms.find((x) => x.doc === 'riverton-herald');
  expect(m, `a match for "${needle}"`).toBeTruthy();
  expect(m!.stance).toBe(stance);
  expect(m!.reasons.join(' ')).toMatch(reason);
  covered.add(rule);
  return m!;
}

describe('stance rules', () => {
  it('same-quote: a quote worded differently corroborates, with the word-level difference', () => {
    const m = expectStance(
      'At the ceremony, the mayor spoke again.\n“We would open the new bridge in March, and the city would pay for every cent of it,” Ortiz said.',
      'We would open the new bridge',
      'corroborates',
      /same quote; wording differs: would -> will/,
      'same-quote',
    );
    expect(m.diff?.some((p) => p.op === 'del' && p.text.includes('would'))).toBe(true);
    expect(m.diff?.some((p) => p.op === 'add' && p.text.includes('will'))).toBe(true);
  });

  it('polarity: what one report affirms and the other negates conflicts', () => {
    expectStance(
      'Mayor Ana Ortiz said on Tuesday that the council did not approve the harbour expansion plan after a long debate.',
      'did not approve',
      'conflicts',
      /opposite polarity/,
      'polarity',
    );
  });

  it('polarity: a predicted outcome against a reported failure conflicts', () => {
    expectStance(
      'Delegates said the fisheries summit in Riverton will produce an agreement on fishing quotas by Friday evening.',
      'will produce an agreement',
      'conflicts',
      /opposite polarity/,
      'polarity',
    );
  });

  it('different-figures: two sums for the same thing conflict', () => {
    expectStance(
      'The regional government pledged $25 million in flood relief for Riverton, officials said.',
      '$25 million',
      'conflicts',
      /different figures: \$25 million vs \$40 million/,
      'different-figures',
    );
  });

  it('different-figures: durations in different units are compared ("an hour" vs "40-minute")', () => {
    expectStance(
      'Ortiz and Governor Paul Lee spoke for an hour by phone on Wednesday about the flood barriers.',
      'an hour',
      'conflicts',
      /different figures: an hour vs 40-minute/,
      'different-figures',
    );
  });

  it('different-figures: the same frame with a different span ("within two weeks" vs "within 10 days")', () => {
    expectStance(
      'Ortiz said the repairs to the Riverton flood barriers would be finished within two weeks.',
      'within two weeks',
      'conflicts',
      /different figures: two weeks vs 10 days/,
      'different-figures',
    );
  });

  it('different-figures: sums for different things do not conflict', () => {
    const ms = matchesFor(index, 'The port authority signed a $90 billion arms package with Skyline Systems.', '$90 billion');
    for (const m of ms) expect(m.stance).not.toBe('conflicts');
    expect(ms.find((m) => m.doc === 'riverton-herald')?.reasons.join(' ')).toMatch(/different things/);
    covered.add('different-figures');
  });

  it('different-object: the same frame with another object conflicts', () => {
    expectStance(
      'Governor Paul Lee said he likes the concept of a rail link between Riverton and Easton.',
      'rail link',
      'conflicts',
      /a different object: rail vs toll/,
      'different-object',
    );
  });

  it('modality: "not necessary" is not "will not happen"', () => {
    expectStance(
      'Senator Mia Park said there will not be a recount of the Riverton ballots.',
      'will not be a recount',
      'conflicts',
      /necessity/,
      'modality',
    );
  });

  it('the same claim in other words corroborates', () => {
    expectStance(
      'On Tuesday the council approved the harbour expansion plan, Mayor Ana Ortiz said, after a lengthy debate.',
      'approved the harbour expansion plan',
      'corroborates',
      /says the same/,
      'default',
    );
  });

  it('agreement on the topic without the figure the page states is only related', () => {
    const idx = indexOf(
      article('harbour-news', 'Mayor Ana Ortiz is pushing for a quick end to the dock strike in Riverton, union leaders said on Monday.', 'Harbour News'),
    );
    const page = 'Mayor Ana Ortiz is pushing for a quick end to the longest dock strike in Riverton in 40 years, union leaders said on Monday.';
    const m = matchesFor(idx, page, '40 years').find((x) => x.doc === 'harbour-news');
    expect(m?.stance).toBe('related');
    expect(m?.reasons.join(' ')).toMatch(/no figure like 40 years/);
    const same = matchesFor(idx, 'Mayor Ana Ortiz is pushing for a quick end to the dock strike in Riverton, union leaders said.', 'dock strike');
    expect(same.find((x) => x.doc === 'harbour-news')?.stance).toBe('corroborates');
  });

  it('an unrelated sentence gets no match that takes a side', () => {
    const ms = matchesFor(index, 'Heavy rain flooded the cricket ground in Easton, and the final was postponed until next week.', 'cricket');
    expect(ms.filter((m) => m.stance !== 'related')).toEqual([]);
  });

  it('every rule is registered once, described, and tested above', () => {
    const names = STANCE_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of STANCE_RULES) {
      expect(r.description.length).toBeGreaterThan(20);
      expect(covered, `rule ${r.name} has a test`).toContain(r.name);
    }
  });
});

describe('word diff', () => {
  it('lists substitutions in plain words', () => {
    const d = wordDiff('the next meeting would take place', 'the next meeting will take place');
    expect(describeDiff(d)).toEqual(['would -> will']);
    expect(d.filter((p) => p.op === 'same').map((p) => p.text)).toEqual(['the next meeting', 'take place']);
  });
});
