// Downloads need the bearer token and the purpose, which a plain link cannot send: fetch, then
// save the blob.
import { authHeaders } from '/common/assets/api.js';

export function setupDownloads(operationId) {
  const status = document.getElementById('download-status');
  for (const button of document.querySelectorAll('[data-download]')) {
    button.onclick = async () => {
      const path = `/api/v1/operations/${encodeURIComponent(operationId)}/${button.dataset.download}`;
      const headers = await authHeaders();
      if (!headers) {
        status.textContent = 'Not downloaded: exports are recorded with why you take them.';
        return;
      }
      status.textContent = `Preparing ${button.textContent.trim()}…`;
      button.disabled = true;
      try {
        const res = await fetch(path, { headers });
        if (!res.ok) {
          const problem = await res.json().catch(() => ({}));
          status.textContent = `Could not download: ${problem.detail ?? res.statusText}`;
          return;
        }
        const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
        const link = document.createElement('a');
        link.href = URL.createObjectURL(await res.blob());
        link.download = name ?? button.dataset.download.split('/').pop();
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
        status.textContent = `Downloaded ${link.download}.`;
      } catch {
        status.textContent = 'Could not download: no answer from the server.';
      } finally {
        button.disabled = false;
      }
    };
  }
}
