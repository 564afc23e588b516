// Progress of an import running in the background, on its page, without reloading: polls the
// status address about every second and updates the bar, the row count and the status line (the
// server changes that line only with the phase and every tenth, so screen readers are told
// without being flooded). When the import ends the page loads again and shows the result. The
// page works without this script: it has a refresh link.
interface ImportStatus {
  phase: 'queued' | 'reading' | 'saving' | 'done' | 'failed'
  percent: number
  count: string
  status: string
}

const box = document.querySelector<HTMLElement>('[data-import-progress]')
const url = box?.dataset.statusUrl
if (box && url) {
  const bar = box.querySelector('progress')
  const count = box.querySelector('[data-import-count]')
  const status = box.querySelector('[data-import-status]')
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      if (response.ok) {
        const state = (await response.json()) as ImportStatus
        if (state.phase === 'done' || state.phase === 'failed') {
          window.location.reload()
          return
        }
        if (bar && state.phase !== 'queued') bar.value = state.percent
        if (count) count.textContent = state.count
        if (status && status.textContent !== state.status) status.textContent = state.status
      }
    } catch {
      // Offline for a moment, or the server restarting: the next poll tries again.
    }
    window.setTimeout(poll, 1000)
  }
  window.setTimeout(poll, 1000)
}
