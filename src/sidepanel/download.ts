// Saves text as a file from an extension page: Blob + object URL + a temporary <a download>.
// No network, no downloads permission.
export function downloadText(doc: Document, fileName: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Firefox needs the URL alive until the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
