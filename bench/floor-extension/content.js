// The bench's floor extension (not shipped): the least a content script that marks a page
// can do, measured the same way as Crosscheck's. Once the page is idle it walks every text
// node once (a TreeWalker, keeping each node and where its text starts), sends the text to
// its background in one message, and turns the 100 spans it gets back into Ranges in one CSS
// highlight. No article detection, no settings, no listeners. It answers the e2e harness's
// state question so the bench knows when it is done.
(() => {
  let ready = false;
  let marked = 0;
  chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    if (!msg || msg.type !== 'crosscheck:state') return false;
    sendResponse({ ready, url: location.href, enabled: true, entities: 0, claims: marked, matches: { corroborates: 0, conflicts: 0, related: 0 } });
    return false;
  });
  const nodeAt = (starts, offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const run = async () => {
    const nodes = [];
    const starts = [];
    const parts = [];
    let length = 0;
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const data = node.data;
      nodes.push(node);
      starts.push(length);
      parts.push(data);
      length += data.length;
    }
    if (nodes.length) {
      const reply = await chrome.runtime.sendMessage({ type: 'floor:analyze', text: parts.join('') });
      const highlight = new Highlight();
      for (const [start, end] of reply.spans) {
        const a = nodeAt(starts, start);
        const b = nodeAt(starts, Math.max(start, end - 1));
        const range = document.createRange();
        range.setStart(nodes[a], Math.min(start - starts[a], nodes[a].data.length));
        range.setEnd(nodes[b], Math.min(end - starts[b], nodes[b].data.length));
        highlight.add(range);
      }
      CSS.highlights.set('crosscheck-bench-floor', highlight);
      marked = reply.spans.length;
    }
    ready = true;
  };
  requestIdleCallback(() => void run(), { timeout: 500 });
})();
