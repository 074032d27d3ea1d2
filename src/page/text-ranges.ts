// Offsets into the extracted article text <-> DOM Ranges. The text is built from text-node
// segments (src/page/article.ts); block boundaries are "\n" that belong to no segment.
import type { TextSegment } from './article';

/** Index of the first segment whose end is after `offset` (binary search), or -1. */
function segmentAtOrAfter(segments: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].end > offset) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

/** Index of the last segment whose start is before `offset`, or -1. */
function segmentBefore(segments: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function inNode(seg: TextSegment, offsetInText: number): number {
  const inNodeOffset = seg.nodeOffset + (offsetInText - seg.start);
  return Math.max(0, Math.min(seg.node.data.length, inNodeOffset));
}

/**
 * The Range covering text[start, end), or null when the text nodes are gone (the page
 * changed since extraction) or the span falls between segments.
 */
export function rangeForOffsets(doc: Document, segments: readonly TextSegment[], start: number, end: number): Range | null {
  if (end <= start || segments.length === 0) return null;
  const first = segmentAtOrAfter(segments, start);
  const last = segmentBefore(segments, end);
  if (first < 0 || last < 0 || last < first) return null;
  const a = segments[first];
  const b = segments[last];
  if (!a.node.isConnected || !b.node.isConnected) return null;
  const range = doc.createRange();
  try {
    range.setStart(a.node, inNode(a, Math.max(start, a.start)));
    range.setEnd(b.node, inNode(b, Math.min(end, b.end)));
  } catch {
    return null;
  }
  return range.collapsed ? null : range;
}
