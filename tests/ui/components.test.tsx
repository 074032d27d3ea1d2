// Components render page and index text as text, show stances in words, and work by keyboard.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupDom, mount, unmount, click, flush, setValue } from './dom';
import { installI18n } from './i18n-stub';
import { SAMPLE, XSS } from '../export/sample-analysis';

setupDom();
const { ClaimList } = await import('../../src/ui/ClaimList');
const { Filters } = await import('../../src/ui/Filters');
const { MatchItem } = await import('../../src/ui/MatchItem');
const { StanceBadge } = await import('../../src/ui/StanceBadge');
const { WordDiff } = await import('../../src/ui/WordDiff');
const { t } = await import('../../src/ui/i18n');
const { NO_FILTER } = await import('../../src/ui/claims');

describe('t() without an i18n API', () => {
  it('falls back to the key', () => {
    expect(t('stanceConflicts')).toBe('stanceConflicts');
  });
});

describe('components', () => {
  let uninstall: () => void;
  beforeAll(() => {
    uninstall = installI18n();
  });
  afterAll(() => uninstall());

  it('t() fills placeholders from messages.json', () => {
    expect(t('uiFilterShowing', [2, 5])).toBe('Showing 2 of 5 claims');
    expect(t('noSuchKey')).toBe('noSuchKey');
  });

  it('shows a stance with an icon and a word, not colour alone', () => {
    const el = mount(<StanceBadge stance="conflicts" />);
    expect(el.textContent).toBe('Conflicts');
    expect(el.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    unmount(el);
  });

  it('renders statements, outlets and reasons containing markup as text', () => {
    const el = mount(<ClaimList analysis={SAMPLE} indices={[0, 1, 2]} onFocusClaim={() => undefined} />);
    expect(el.querySelectorAll('img')).toHaveLength(0);
    expect(el.querySelector('[onerror]')).toBeNull();
    expect(el.textContent).toContain(XSS);
    expect(el.textContent).toContain('=HYPERLINK("http://evil")');
    unmount(el);
  });

  it('names a match by outlet and title, else by opening words', () => {
    const el = mount(
      <ul>
        <MatchItem match={SAMPLE.claims[0].matches[0]} />
        <MatchItem match={SAMPLE.claims[1].matches[0]} opening="Opening words of the doc" />
      </ul>,
    );
    const items = el.querySelectorAll('li.cc-match');
    expect(items[0].querySelector('.cc-match__outlet')?.textContent).toBe('Kyiv Independent');
    expect(items[0].querySelector('.cc-match__title')?.textContent).toBe('Talks to resume, Zelensky says');
    expect(items[0].textContent).toContain('Match 91%');
    expect(items[0].textContent).toContain('same quote; wording differs: would -> will');
    expect(items[1].querySelector('.cc-match__opening')?.textContent).toBe('Opening words of the doc…');
    unmount(el);
  });

  it('renders a word diff with del/ins and words for screen readers', () => {
    const el = mount(<WordDiff parts={SAMPLE.claims[0].matches[0].diff!} />);
    expect(el.querySelector('del')?.textContent).toBe('removed: would');
    expect(el.querySelector('ins')?.textContent).toBe('added: will');
    expect(el.textContent).toContain('talks');
    unmount(el);
  });

  it('a claim is a real button: click and Enter focus it on the page', () => {
    const onFocus = vi.fn();
    const el = mount(<ClaimList analysis={SAMPLE} indices={[2, 0]} onFocusClaim={onFocus} />);
    const buttons = el.querySelectorAll('button.cc-claim__focus');
    expect(buttons).toHaveLength(2);
    expect(buttons[0].getAttribute('type')).toBe('button');
    // Enter on a <button> is a click in every browser: the click is what we handle.
    click(buttons[0]);
    click(buttons[1]);
    expect(onFocus.mock.calls).toEqual([[2], [0]]);
    unmount(el);
  });

  it('claims not marked on the page are text, not buttons', () => {
    const onFocus = vi.fn();
    const el = mount(<ClaimList analysis={SAMPLE} indices={[0, 1]} onFocusClaim={onFocus} highlighted={[1]} />);
    const items = el.querySelectorAll('.cc-claim');
    expect(items[0].querySelector('button.cc-claim__focus')).toBeNull();
    expect(items[0].textContent).toContain('Not marked on the page');
    expect(items[1].querySelector('button.cc-claim__focus')).not.toBeNull();
    unmount(el);
  });

  it('shows the first three matches and the rest on request', async () => {
    const base = SAMPLE.claims[0].matches[0];
    const many = { ...SAMPLE.claims[0], matches: [0.9, 0.8, 0.7, 0.6, 0.5].map((score, i) => ({ ...base, doc: `d${i}`, score })) };
    const el = mount(<ClaimList analysis={{ ...SAMPLE, claims: [many] }} indices={[0]} />);
    expect(el.querySelectorAll('.cc-match')).toHaveLength(3);
    const more = el.querySelector('.cc-more')!;
    expect(more.textContent).toBe('Show 2 more');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    click(more);
    await flush();
    expect(el.querySelectorAll('.cc-match')).toHaveLength(5);
    expect(el.querySelector('.cc-more')?.textContent).toBe('Show fewer');
    expect(el.querySelector('.cc-more')?.getAttribute('aria-expanded')).toBe('true');
    unmount(el);
  });

  it('filters: stance checkboxes and entity select report changes', async () => {
    const onChange = vi.fn();
    const el = mount(<Filters analysis={SAMPLE} filter={NO_FILTER} onChange={onChange} />);
    const boxes = el.querySelectorAll('input[type=checkbox]');
    expect(boxes).toHaveLength(4);
    expect(el.querySelector('legend')?.textContent).toBe('Show stances');
    setValue(boxes[0], false); // conflicts off
    expect(onChange).toHaveBeenLastCalledWith({ stances: ['corroborates', 'related', 'none'], entity: null });
    const select = el.querySelector('select')!;
    expect(el.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Mentions');
    setValue(select, 'e-un');
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTER, entity: 'e-un' });
    await flush();
    unmount(el);
  });
});
