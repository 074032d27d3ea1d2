import { describe, expect, it } from 'vitest';
import { parseRecords, articleId, Deduper, duplicateProblem, type HtmlReader } from '../../src/core/corpus/records';
import { parseCsv } from '../../src/core/corpus/csv';
import { jsonErrorOffset } from '../../src/core/corpus/json-error';

const enc = (s: string) => new TextEncoder().encode(s);
// a stand-in for the DOM reader: <title> and the text of <p> elements
const readHtml: HtmlReader = (html) => {
  const paras = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]);
  if (!paras.length) return null;
  return { title: /<title>(.*?)<\/title>/.exec(html)?.[1] ?? null, text: paras.join('\n\n') };
};
const parse = (name: string, content: string | Uint8Array) => parseRecords(name, typeof content === 'string' ? enc(content) : content, readHtml);

const TEXT = 'The ministers met in Geneva on Monday and agreed to meet again in March.';

describe('parseRecords: formats', () => {
  it('.txt: the whole text, its first line as title when it reads as a headline, CRLF as LF', () => {
    const r = parse('a.txt', 'Ministers Agree To Meet Again\r\n' + TEXT + '\r\n');
    expect(r.problems).toEqual([]);
    expect(r.articles).toEqual([
      { url: null, outlet: null, title: 'Ministers Agree To Meet Again', date: null, text: 'Ministers Agree To Meet Again\n' + TEXT + '\n', file: 'a.txt', line: null },
    ]);
  });

  it('.html / .htm: title and text from the reader', () => {
    for (const name of ['p.html', 'p.HTM']) {
      const r = parse(name, `<html><head><title>Talks in Geneva</title></head><body><p>${TEXT}</p><p>More.</p></body></html>`);
      expect(r.problems).toEqual([]);
      expect(r.articles[0]).toMatchObject({ title: 'Talks in Geneva', text: `${TEXT}\n\nMore.`, file: name, line: null });
    }
  });

  it('.json: one object', () => {
    const r = parse('one.json', JSON.stringify({ url: 'https://example.org/a', outlet: 'Example News', title: 'Talks', date: '2025-08-18', text: TEXT }));
    expect(r.problems).toEqual([]);
    expect(r.articles).toEqual([{ url: 'https://example.org/a', outlet: 'Example News', title: 'Talks', date: '2025-08-18', text: TEXT, file: 'one.json', line: null }]);
  });

  it('.json: an array, each record with the line it starts on', () => {
    const json = '[\n  {"title": "A", "text": "First text here."},\n  {"title": "B",\n   "text": "Second [text], {here}."}\n]\n';
    const r = parse('many.json', json);
    expect(r.problems).toEqual([]);
    expect(r.articles.map((a) => [a.title, a.text, a.line])).toEqual([
      ['A', 'First text here.', 2],
      ['B', 'Second [text], {here}.', 3],
    ]);
  });

  it('.jsonl: one record per line, blank lines ignored', () => {
    const r = parse('x.jsonl', `{"text": "One."}\n\n{"text": "Two.", "outlet": "Daily", "date": 2025}\n`);
    expect(r.problems).toEqual([]);
    expect(r.articles.map((a) => [a.text, a.outlet, a.date, a.line])).toEqual([
      ['One.', null, null, 1],
      ['Two.', 'Daily', '2025', 3],
    ]);
  });

  it('.csv: header columns in any order, quoted cells with commas, quotes and line breaks', () => {
    const csv = 'Text,url,title,outlet,date,extra\r\n' +
      '"He said, ""we agree"".\nThen left.",https://e.org/1,Talks,Daily,2025-01-02,x\r\n' +
      'Plain text here.,,,,\r\n';
    const r = parse('t.csv', csv);
    expect(r.problems).toEqual([]);
    expect(r.articles).toEqual([
      { url: 'https://e.org/1', outlet: 'Daily', title: 'Talks', date: '2025-01-02', text: 'He said, "we agree".\nThen left.', file: 't.csv', line: 2 },
      { url: null, outlet: null, title: null, date: null, text: 'Plain text here.', file: 't.csv', line: 4 },
    ]);
  });

  it('a UTF-8 byte order mark is not part of the text', () => {
    const r = parse('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(TEXT)]));
    expect(r.articles[0].text).toBe(TEXT);
  });
});

describe('parseRecords: bad input is reported with file and line, the rest imports', () => {
  it('not UTF-8: one problem for the file, line null', () => {
    const r = parse('latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
    expect(r.articles).toEqual([]);
    expect(r.problems).toEqual([{ file: 'latin1.txt', line: null, message: 'not UTF-8 text, skipped' }]);
  });

  it('an empty file (or only white space)', () => {
    for (const name of ['e.txt', 'e.json', 'e.jsonl', 'e.csv', 'e.html']) {
      const r = parse(name, ' \n ');
      expect(r.articles).toEqual([]);
      expect(r.problems).toEqual([{ file: name, line: null, message: 'empty file, skipped' }]);
    }
  });

  it('a JSON line that does not parse: its line number; the other lines import', () => {
    const r = parse('x.jsonl', '{"text": "One."}\n{"text": "Two.\n{"text": "Three."}\n');
    expect(r.articles.map((a) => a.text)).toEqual(['One.', 'Three.']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'x.jsonl', line: 2 });
    expect(r.problems[0].message).toMatch(/^not valid JSON/);
  });

  it('.jsonl: a record without text, and a line that is not an object', () => {
    const r = parse('x.jsonl', '{"title": "No text"}\n{"text": "   "}\n[1,2]\n{"text": "Fine."}\n');
    expect(r.articles.map((a) => a.line)).toEqual([4]);
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'the record has no "text", skipped'],
      [2, 'the record has no "text", skipped'],
      [3, 'not an article object, skipped'],
    ]);
  });

  it('.json: a file that does not parse names the line of the error', () => {
    const r = parse('bad.json', '{\n  "title": "A",\n  "text": oops\n}');
    expect(r.articles).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].line).toBe(3);
    expect(r.problems[0].message).toMatch(/^not valid JSON \(.+\), skipped$/);
  });

  it('.json: an object without text; array records without text or not objects', () => {
    expect(parse('o.json', '{"title": "T"}').problems).toEqual([{ file: 'o.json', line: null, message: 'the article has no "text", skipped' }]);
    const r = parse('a.json', '[\n{"text": "Kept."},\n{"title": "T"},\n"string"\n]');
    expect(r.articles.map((a) => a.text)).toEqual(['Kept.']);
    expect(r.problems).toEqual([
      { file: 'a.json', line: 3, message: 'record 2 has no "text", skipped' },
      { file: 'a.json', line: 4, message: 'record 3 is not an object, skipped' },
    ]);
    expect(parse('n.json', '42').problems[0].message).toMatch(/expected an article object/);
  });

  it('.csv: a row without text is reported by the physical line where it starts', () => {
    const csv = 'title,text\n"Multi\nline title","Text one\nspans two lines."\nNo text here,\n"Another\ntitle",""\nLast,Text four.\n';
    const r = parse('r.csv', csv);
    expect(r.articles.map((a) => [a.title, a.line])).toEqual([
      ['Multi line title', 2],
      ['Last', 8],
    ]);
    expect(r.problems).toEqual([
      { file: 'r.csv', line: 5, message: 'the row has no "text", skipped' },
      { file: 'r.csv', line: 6, message: 'the row has no "text", skipped' },
    ]);
  });

  it('.csv: no text column, and a quoted cell that never closes', () => {
    expect(parse('h.csv', 'title,body\nA,B\n').problems).toEqual([
      { file: 'h.csv', line: 1, message: 'the header has no "text" column (columns: url, outlet, title, date, text), nothing imported' },
    ]);
    const r = parse('u.csv', 'text\nGood one.\n"Never closed\nat all\n');
    expect(r.articles.map((a) => a.text)).toEqual(['Good one.']);
    expect(r.problems).toEqual([{ file: 'u.csv', line: 3, message: 'a quoted cell is never closed; the rest of the file is skipped' }]);
  });

  it('HTML without article text, and a reader that throws', () => {
    expect(parse('n.html', '<html><body><nav>menu</nav></body></html>').problems).toEqual([
      { file: 'n.html', line: null, message: 'no article text found in the HTML, skipped' },
    ]);
    const r = parseRecords('t.html', enc('<p>x</p>'), () => {
      throw new Error('broken\nparser');
    });
    expect(r.problems).toEqual([{ file: 't.html', line: null, message: 'HTML could not be read (broken parser), skipped' }]);
  });

  it('a file type it does not read', () => {
    expect(parse('a.pdf', 'x').problems[0]).toMatchObject({ file: 'a.pdf', line: null });
  });

  it('every problem message is one line', () => {
    const r = parse('x.jsonl', '{"text": \n');
    for (const p of r.problems) expect(p.message).not.toMatch(/\n/);
  });
});

describe('article identity and duplicates', () => {
  it('articleId: from the url when present (fragment, host case and trailing slash do not count), else from the normalised text', () => {
    expect(articleId({ url: 'https://Example.org/a/#top', text: 'x' })).toBe(articleId({ url: 'https://example.org/a', text: 'y' }));
    expect(articleId({ url: 'https://example.org/a', text: 'x' })).not.toBe(articleId({ url: 'https://example.org/b', text: 'x' }));
    expect(articleId({ url: null, text: 'He said  “yes”.\n' })).toBe(articleId({ url: null, text: 'he said "yes".' }));
    expect(articleId({ url: null, text: 'He said yes.' })).not.toBe(articleId({ url: null, text: 'He said no.' }));
    expect(articleId({ url: null, text: TEXT })).toMatch(/^t-[0-9a-f]{16}$/);
    expect(articleId({ url: '', text: TEXT })).toBe(articleId({ url: null, text: TEXT }));
  });

  const art = (file: string, line: number | null, text: string, url: string | null = null) =>
    ({ url, outlet: null, title: null, date: null, text, file, line });

  it('Deduper: the same url or the same normalised text is a duplicate, across files', () => {
    const d = new Deduper();
    expect(d.seen(art('a.jsonl', 1, TEXT, 'https://e.org/1'))).toBe(false);
    expect(d.seen(art('b.csv', 2, 'Other text.', 'https://e.org/1'))).toBe(true);
    expect(d.seen(art('c.txt', null, TEXT.toUpperCase()))).toBe(true);
    expect(d.seen(art('c.txt', null, 'Something new.'))).toBe(false);
  });

  it('duplicateProblem names the first occurrence; keys carry over to the next run', () => {
    const d = new Deduper();
    expect(duplicateProblem(art('a.jsonl', 3, TEXT), d)).toBeNull();
    expect(duplicateProblem(art('b.jsonl', 7, TEXT), d)).toEqual({ file: 'b.jsonl', line: 7, message: 'duplicate of a.jsonl:3, skipped' });
    expect(duplicateProblem(art('a.txt', null, 'Page.'), d)).toBeNull();
    expect(duplicateProblem(art('b.csv', 2, 'page.'), d)?.message).toBe('duplicate of a.txt, skipped');
    const next = new Deduper(d.keys());
    expect(duplicateProblem(art('new.jsonl', 1, TEXT), next)?.message).toBe('duplicate of an article already in the index, skipped');
    expect(next.seen(art('new.jsonl', 2, 'Fresh.'))).toBe(false);
  });
});

describe('jsonErrorOffset', () => {
  it('is -1 for valid JSON and points at the first bad character otherwise', () => {
    for (const ok of ['{}', '[1, -2.5e3, "a\\"b", {"x": [true, false, null]}]', ' "\\u00e9" ']) expect(jsonErrorOffset(ok)).toBe(-1);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('[1 2]')).toBe(3);
    expect(jsonErrorOffset('{"a": "open')).toBe(11);
    expect(jsonErrorOffset('{} x')).toBe(3);
  });
});

describe('parseCsv', () => {
  it('keeps the physical start line of every record, CRLF, LF and quoted breaks alike', () => {
    const { records } = parseCsv('a,b\r\n"x\r\ny",z\n1,"2"\n');
    expect(records).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['x\r\ny', 'z'], line: 2 },
      { cells: ['1', '2'], line: 4 },
    ]);
  });
  it('a last record without a line break, and empty cells', () => {
    expect(parseCsv('a,,c').records).toEqual([{ cells: ['a', '', 'c'], line: 1 }]);
  });
});
