// The bench's floor extension (not shipped): answers a page's text with 100 spans spread
// over it, standing in for an analysis done off the page's main thread.
chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  if (!msg || msg.type !== 'floor:analyze' || typeof msg.text !== 'string') return false;
  const n = msg.text.length;
  const spans = [];
  for (let i = 0; i < 100 && n > 0; i++) {
    const start = Math.floor((n * i) / 100);
    spans.push([start, Math.min(n, start + 40)]);
  }
  sendResponse({ spans });
  return false;
});
