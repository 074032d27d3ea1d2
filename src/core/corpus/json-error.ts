// Where a JSON text first goes wrong. JSON.parse says what is wrong but (in V8 before
// Node 22) not where, and a person fixing a big file needs the line.

/** Offset of the first syntax error in `s`, or -1 when it is valid JSON. */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const fail = (at: number): never => {
    throw at;
  };
  const str = () => {
    i++; // opening quote
    for (;;) {
      if (i >= s.length) fail(i);
      const c = s[i];
      if (c === '"') return void i++;
      if (c < ' ') fail(i);
      if (c === '\\') {
        const e = s[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) fail(i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(i);
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') return void i++;
      for (;;) {
        ws();
        if (s[i] !== '"') fail(i);
        str();
        ws();
        if (s[i] !== ':') fail(i);
        i++;
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === '}') return void i++;
        else fail(i);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === ']') return void i++;
        else fail(i);
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 400));
    if (!m) fail(i);
    i += m![0].length;
  };
  try {
    value();
    ws();
    return i < s.length ? i : -1;
  } catch (at) {
    return at as number;
  }
}
