// Progress of `welkom import` on standard error, so standard output keeps its one JSON document:
// one line that updates itself on a terminal, a line every tenth of the way in a log or a pipe.
import type { ReadProgress } from '../invitees/import/read-import.ts'

export interface ProgressLine {
  update(progress: ReadProgress): void
  /** Ends the updating line, if any, so what follows starts on a line of its own. */
  end(): void
}

export function progressLine(stream: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean }, label: string, options: { saving: boolean }): ProgressLine {
  const tty = stream.isTTY === true
  let lastTenth = 0
  let lastPercent = -1
  let open = false
  const text = ({ rows, share, done }: ReadProgress) => (done ? `${label}: all ${rows} rows read${options.saving ? ', saving' : ''}` : `${label}: ${percentOf(share)}% (${rows} rows)`)
  return {
    update(progress) {
      if (tty) {
        const percent = progress.done ? 100 : percentOf(progress.share)
        if (percent === lastPercent) return
        lastPercent = percent
        // \r back to the start of the line, then clear it: the new text may be shorter.
        stream.write(`\r\x1b[2K${text(progress)}`)
        open = true
        return
      }
      const tenth = progress.done ? 10 : Math.floor(percentOf(progress.share) / 10)
      if (tenth <= lastTenth) return
      lastTenth = tenth
      stream.write(`${text(progress)}\n`)
    },
    end() {
      if (open) stream.write('\n')
      open = false
    },
  }
}

/** Below 100 until every row is read: the share of bytes runs a little ahead of the rows. */
function percentOf(share: number): number {
  return Math.min(99, Math.floor(share * 100))
}
