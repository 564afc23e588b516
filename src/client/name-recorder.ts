// Records "how to say my name" in the browser, on the reply page. Progressive enhancement: the
// section works without this script (a file field that opens a phone's recorder). Where the
// browser can record (getUserMedia and MediaRecorder), the file form is swapped for Record / Stop /
// Listen / Send buttons built from the section's <template>, so every word comes from the server
// in the page's language. Recording stops by itself after the template's number of seconds; state
// changes are announced through the section's status line (role="status"). Sending posts the same
// form fields with fetch and swaps in the section the server returns (the saved state).
// Listening before sending uses Web Audio, not an <audio> element with a blob: address, which the page's
// Content-Security-Policy (media from 'self' only) would block.

interface UploadAnswer {
  ok: boolean
  message?: string
  error?: string
  html?: string
}

/** What MediaRecorder is asked for, in order; the server recognises each by its bytes. */
const RECORDING_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4']

function canRecord(): boolean {
  return typeof navigator.mediaDevices?.getUserMedia === 'function' && typeof window.MediaRecorder === 'function' && typeof window.fetch === 'function'
}

function extensionOf(type: string): string {
  if (type.includes('ogg')) return 'ogg'
  if (type.includes('mp4')) return 'm4a'
  return 'webm'
}

function enhance(section: HTMLElement): void {
  const status = section.querySelector<HTMLElement>('[data-recorder-status]')
  const body = section.querySelector<HTMLElement>('[data-recorder-body]')
  if (status && body) setUp(body, status)
}

function setUp(body: HTMLElement, status: HTMLElement): void {
  const form = body.querySelector<HTMLFormElement>('[data-recorder-form]')
  const slot = body.querySelector<HTMLElement>('[data-recorder-slot]')
  const template = body.querySelector<HTMLTemplateElement>('[data-recorder-template]')
  if (!form || !slot || !template) return
  playInPlace(body)
  slot.appendChild(template.content.cloneNode(true))
  const find = (name: string) => slot.querySelector<HTMLElement>(`[data-recorder-${name}]`)
  const panel = slot.querySelector<HTMLElement>('[data-recorder]')
  const [record, stop, listen, send, timer, clock] = ['record', 'stop', 'listen', 'send', 'timer', 'clock'].map(find)
  if (!panel || !record || !stop || !listen || !send || !timer || !clock) return
  form.hidden = true

  const seconds = Number(panel.dataset.seconds) || 15
  // The page's own digits (Arabic pages may use Arabic-Indic ones): minutes, then two-digit seconds.
  const lang = document.documentElement.lang || undefined
  const minutes = new Intl.NumberFormat(lang)
  const twoDigits = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2 })
  let recorder: MediaRecorder | null = null
  let recording: Blob | null = null
  let ticking: number | undefined
  let sending = false

  const say = (message: string | undefined, kind: 'info' | 'ok' = 'info') => {
    status.textContent = message ?? ''
    status.className = message ? (kind === 'ok' ? 'notice notice--ok' : 'notice') : ''
  }
  // Buttons are taken out of the page rather than given `hidden`: a stylesheet that sets
  // .button { display: inline-block } would show a hidden button all the same.
  const actions = record.parentElement!
  const show = (visible: HTMLElement[]) => {
    for (const button of [record, stop, listen, send]) button.hidden = false
    actions.replaceChildren(...visible)
  }
  show([record])

  /** Without a microphone (refused, or none): say so and give the file field back. */
  const fallBack = () => {
    panel.remove()
    form.hidden = false
    say(status.dataset.msgDenied)
    form.querySelector<HTMLInputElement>('input[type=file]')?.focus()
  }

  const showClock = (left: number) => {
    const whole = Math.max(0, Math.ceil(left))
    clock.textContent = `${minutes.format(Math.floor(whole / 60))}:${twoDigits.format(whole % 60)}`
  }

  record.addEventListener('click', async () => {
    let stream: MediaStream
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true })
    } catch {
      fallBack()
      return
    }
    const type = RECORDING_TYPES.find((t) => MediaRecorder.isTypeSupported(t))
    const chunks: Blob[] = []
    recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined)
    recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) chunks.push(event.data)
    })
    recorder.addEventListener('stop', () => {
      window.clearInterval(ticking)
      for (const track of stream.getTracks()) track.stop()
      recording = new Blob(chunks, { type: recorder?.mimeType || type || 'audio/webm' })
      timer.hidden = true
      record.textContent = record.dataset.again ?? record.textContent
      show([record, listen, send])
      say(status.dataset.msgStopped)
      listen.focus()
    })
    recorder.start()
    const endsAt = Date.now() + seconds * 1000
    showClock(seconds)
    timer.hidden = false
    show([stop])
    say(status.dataset.msgRecording)
    stop.focus()
    ticking = window.setInterval(() => {
      const left = (endsAt - Date.now()) / 1000
      showClock(left)
      if (left <= 0 && recorder?.state === 'recording') recorder.stop()
    }, 250)
  })

  stop.addEventListener('click', () => {
    if (recorder?.state === 'recording') recorder.stop()
  })

  listen.addEventListener('click', async () => {
    if (!recording) return
    try {
      const context = new AudioContext()
      const sound = await context.decodeAudioData(await recording.arrayBuffer())
      const source = context.createBufferSource()
      source.buffer = sound
      source.connect(context.destination)
      source.addEventListener('ended', () => void context.close())
      source.start()
    } catch {
      // A browser that cannot decode its own recording can still send it; the server checks it.
    }
  })

  send.addEventListener('click', async () => {
    if (!recording || sending) return
    sending = true
    const data = new FormData()
    for (const field of form.querySelectorAll<HTMLInputElement>('input[type=hidden]')) data.append(field.name, field.value)
    data.append('recording', recording, `naam.${extensionOf(recording.type)}`)
    say(status.dataset.msgSending)
    send.setAttribute('aria-disabled', 'true')
    try {
      const response = await fetch(form.action, { method: 'POST', body: data, headers: { accept: 'application/json' }, credentials: 'same-origin' })
      const answer = (await response.json()) as UploadAnswer
      if (answer.ok && answer.html) {
        body.innerHTML = answer.html
        say(answer.message, 'ok')
        setUp(body, status)
        body.querySelector<HTMLElement>('[data-recorder-saved]')?.focus()
        return
      }
      say(answer.error ?? status.dataset.msgFailed)
    } catch {
      say(status.dataset.msgFailed)
    }
    sending = false
    send.removeAttribute('aria-disabled')
  })
}

/** The link to a saved recording plays it on the page instead of opening the sound on its own. */
function playInPlace(body: HTMLElement): void {
  const link = body.querySelector<HTMLAnchorElement>('[data-recorder-play]')
  link?.addEventListener('click', (event) => {
    event.preventDefault()
    // Same origin, so the page's media policy allows it; if it cannot play, open it instead.
    new Audio(link.href).play().catch(() => window.location.assign(link.href))
  })
}

if (canRecord()) for (const section of document.querySelectorAll<HTMLElement>('[data-name-recorder]')) enhance(section)
