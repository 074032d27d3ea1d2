// The "Your articles" section of the options page: progress with cancel, sources with a
// switch and a remove button each, problems as file:line: message, notices; text stays text.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { click, isChecked, mount, setupDom, setValue, unmount } from './dom';
import { installI18n } from './i18n-stub';
import type { CorpusSource } from '../../src/storage/corpus-model';

vi.mock('webextension-polyfill', () => ({ default: {} }));
setupDom();
const { CorpusView } = await import('../../src/options/CorpusView');

const PAYLOAD = '<img src=x onerror=alert(1)>.csv';
const SOURCES: CorpusSource[] = [
  { id: 's1', name: 'my-desk', enabled: true, articleCount: 29, addedAt: '2026-01-01T00:00:00Z', kind: 'files' },
  { id: 's2', name: PAYLOAD, enabled: false, articleCount: 2, addedAt: '2026-01-02T00:00:00Z', kind: 'files' },
];

let uninstall: () => void;
beforeAll(() => {
  uninstall = installI18n();
});
afterAll(() => uninstall());

function props(over: Partial<Parameters<typeof CorpusView>[0]> = {}) {
  return {
    sources: SOURCES,
    status: { source: 'merged' as const, documents: 35, statements: 2600, notice: null },
    progress: null,
    problems: [],
    message: null,
    onImport: vi.fn(),
    onImportIndex: vi.fn(),
    onCancel: vi.fn(),
    onToggle: vi.fn(),
    onRemove: vi.fn(),
    onExport: vi.fn(),
    onRebuild: vi.fn(),
    ...over,
  };
}

describe('CorpusView', () => {
  it('lists each source with its count, a labelled switch and a remove button; names are text', () => {
    const p = props();
    const root = mount(<CorpusView {...p} />);
    const items = Array.from(root.querySelectorAll('[data-testid=corpus-sources] li'));
    expect(items.map((li) => li.textContent)).toEqual(['my-desk29 articlesRemove', `${PAYLOAD}2 articlesRemove`]);
    expect(root.querySelector('img')).toBeNull();
    const switches = Array.from(root.querySelectorAll<HTMLInputElement>('[data-testid=corpus-sources] input[type=checkbox]'));
    expect(switches.map((s) => s.getAttribute('aria-label'))).toEqual(['Use my-desk', `Use ${PAYLOAD}`]);
    expect(switches.map(isChecked)).toEqual([true, false]);
    setValue(switches[1], true);
    expect(p.onToggle).toHaveBeenCalledWith('s2', true);
    click(root.querySelector(`button[aria-label="Remove my-desk"]`));
    expect(p.onRemove).toHaveBeenCalledWith('s1');
    expect(root.querySelector('[data-testid=index-status]')?.textContent).toBe(
      'In use: the bundled articles and your imports, 35 documents and 2600 statements.',
    );
    unmount(root);
  });

  it('shows a labelled progress bar with a cancel button while importing, and disables the pickers', () => {
    const p = props({ progress: { label: 'Reading file 3 of 29…', value: 5 } });
    const root = mount(<CorpusView {...p} />);
    const bar = root.querySelector('progress')!;
    expect(bar.getAttribute('value')).toBe('5');
    expect(bar.getAttribute('aria-valuetext')).toBe('Reading file 3 of 29…');
    expect(root.querySelector('label[for=corpus-progress]')?.textContent).toBe('Reading file 3 of 29…');
    expect(root.querySelector('#corpus-files')?.hasAttribute('disabled')).toBe(true);
    click(Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Cancel')!);
    expect(p.onCancel).toHaveBeenCalled();
    unmount(root);
    // building: no known length, so no value (an indeterminate bar)
    const building = mount(<CorpusView {...props({ progress: { label: 'Building the index…', value: null } })} />);
    expect(building.querySelector('progress')?.hasAttribute('value')).toBe(false);
    unmount(building);
  });

  it('lists problems one per line and shows the stored-index notice with a rebuild button', () => {
    const p = props({
      problems: ['desk.jsonl:2: not valid JSON (Unexpected end of JSON input), skipped', `${PAYLOAD}:3: the row has no "text", skipped`],
      status: { source: 'bundled', documents: 4, statements: 140, notice: 'The stored index is broken (x); using the bundled index.' },
      message: { text: 'Imported 2 articles from desk; the index now has 35 documents.', tone: 'info', seq: 3 },
    });
    const root = mount(<CorpusView {...p} />);
    expect(Array.from(root.querySelectorAll('[data-testid=import-problems] li')).map((li) => li.textContent)).toEqual(p.problems);
    expect(root.querySelector('summary')?.textContent).toBe('Skipped (2)');
    expect(root.querySelector('[role=alert]')?.textContent).toBe('The stored index is broken (x); using the bundled index.');
    click(Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Rebuild from my articles')!);
    expect(p.onRebuild).toHaveBeenCalled();
    expect(root.querySelector('[data-testid=corpus-message]')?.getAttribute('data-seq')).toBe('3');
    expect(root.querySelector('img')).toBeNull();
    unmount(root);
  });

  it('offers file, folder and index-file pickers with labels, and export', () => {
    const p = props({ sources: [] });
    const root = mount(<CorpusView {...p} />);
    expect(root.querySelector('label[for=corpus-files]')?.textContent).toBe('Import files');
    expect(root.querySelector('#corpus-files')?.getAttribute('accept')).toBe('.txt,.html,.htm,.json,.jsonl,.csv');
    expect(root.querySelector('#corpus-files')?.hasAttribute('multiple')).toBe(true);
    expect(root.querySelector('#corpus-folder')?.hasAttribute('webkitdirectory')).toBe(true);
    expect(root.querySelector('label[for=corpus-index-file]')?.textContent).toBe('Import an index file');
    expect(root.querySelector('[data-testid=corpus-sources-empty]')?.textContent).toBe('Nothing imported yet.');
    click(Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Export the index')!);
    expect(p.onExport).toHaveBeenCalled();
    unmount(root);
  });
});

describe('CorpusView notices', () => {
  it('says politely that the index was rebuilt after an update (no rebuild button then)', () => {
    const p = props({ status: { source: 'merged', documents: 35, statements: 2600, notice: 'Your index was rebuilt from the stored articles (x).' } });
    const root = mount(<CorpusView {...p} />);
    expect(root.querySelector('[role=status]')?.textContent).toBe('Your index was rebuilt from the stored articles (x).');
    expect(root.querySelector('[role=alert]')).toBeNull();
    expect(Array.from(root.querySelectorAll('button')).some((b) => b.textContent === 'Rebuild from my articles')).toBe(false);
    unmount(root);
  });
});
