/** Hands text to the browser as a file download. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Opens an HTML page in a new tab (to read or print); downloads it when pop-ups are blocked. */
export function openHtmlPage(fileName: string, html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const opened = window.open(url, '_blank');
  if (!opened) downloadText(fileName, html, 'text/html');
  // The new tab has loaded the page long before this; a blob URL kept alive only leaks memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
