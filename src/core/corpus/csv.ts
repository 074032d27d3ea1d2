// RFC 4180 CSV: comma-separated cells, cells in double quotes may hold commas, line breaks
// and doubled quotes (""). Each record remembers the physical line it starts on, so a bad
// row can be reported by the line a person sees in an editor.

export interface CsvRecord {
  cells: string[];
  /** 1-based physical line where the record starts. */
  line: number;
}

export interface CsvResult {
  records: CsvRecord[];
  /** Line of a record whose quoted cell never closes (the rest of the file is in it), if any. */
  unterminated: number | null;
}

export function parseCsv(text: string): CsvResult {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(cell);
    records.push({ cells, line: recordLine });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const c = text[i];
    if (c === '"' && cell === '') {
      // a quoted cell: runs to the next lone quote
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return { records, unterminated: recordLine };
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      for (let k = i; k < j; k++) if (text[k] === '\n' || (text[k] === '\r' && text[k + 1] !== '\n')) line++;
      // lenient: anything between the closing quote and the next separator belongs to the cell
      cell = value;
      i = j;
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      cell = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // an unquoted run up to the next separator or line break
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell += text.slice(i, j);
      i = j;
    }
  }
  if (cell !== '' || cells.length) endRecord();
  return { records, unterminated: null };
}
