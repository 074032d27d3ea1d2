// Which marked claim is under the pointer: the caret position at the point, tested against
// the claim ranges, then confirmed against the range's boxes (the caret API also answers
// for points beside a line's end).

export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const r of Array.from(range.getClientRects())) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/** Index into `ranges` of the claim at viewport point (x, y), or -1. */
export function claimAtPoint(doc: Document, x: number, y: number, ranges: ReadonlyArray<Range | null>): number {
  const caret = caretAt(doc, x, y);
  if (!caret) return -1;
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    if (!range || range.collapsed) continue;
    try {
      if (range.isPointInRange(caret.node, caret.offset) && rectsContain(range, x, y)) return i;
    } catch {
      // node from another document or a detached range
    }
  }
  return -1;
}
