// Process inspection through /proc: who is alive, in which group.
import fs from 'node:fs'

export interface ProcInfo {
  pid: number
  comm: string
  ppid: number
  pgid: number
}

export function listProcs(): ProcInfo[] {
  const out: ProcInfo[] = []
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    let stat: string
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
    } catch {
      continue // exited while we looked
    }
    // comm is in parentheses and may hold spaces; the fields follow the last ')'.
    const close = stat.lastIndexOf(')')
    const fields = stat.slice(close + 2).split(' ')
    if (fields[0] === 'Z') continue
    out.push({
      pid: Number(name),
      comm: stat.slice(stat.indexOf('(') + 1, close),
      ppid: Number(fields[1]),
      pgid: Number(fields[2]),
    })
  }
  return out
}

/** Polls until `check` holds, or gives up after `ms` and returns false. */
export async function waitFor(
  check: () => boolean,
  ms: number,
): Promise<boolean> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (check()) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  return check()
}
