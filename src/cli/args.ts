// A small argument parser: positional words, then --flag value / --flag=value / --switch.
export interface Args {
  positional: string[]
  flags: Record<string, string | true>
}

export function parseArgs(argv: string[]): Args {
  const positional: string[] = []
  const flags: Record<string, string | true> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
      if (inline !== undefined) flags[name] = inline
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags[name] = argv[++i]!
      else flags[name] = true
    } else positional.push(arg)
  }
  return { positional, flags }
}

export class UsageError extends Error {}

export function stringFlag(args: Args, name: string, required = true): string | undefined {
  const value = args.flags[name]
  if (typeof value === 'string' && value !== '') return value
  if (required) throw new UsageError(`--${name} is required`)
  return undefined
}
