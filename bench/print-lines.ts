// Printing a benchmark table as Markdown: first column left-aligned, the others right-aligned.
export function printLines(lines: string[][]) {
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)))
  const format = (l: string[]) => '| ' + l.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ') + ' |'
  console.log(format(lines[0]!))
  console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|')
  for (const line of lines.slice(1)) console.log(format(line))
}
