// Reads `--prometheus` output as Prometheus would, failing on what it rejects.
import assert from 'node:assert/strict'

/** A strict reader of the Prometheus text format (version 0.0.4). */
export function parseExposition(
  text: string,
): Array<{ name: string; labels: Record<string, string>; value: number }> {
  assert.ok(text.endsWith('\n'), 'ends with a newline')
  const samples: Array<{
    name: string
    labels: Record<string, string>
    value: number
  }> = []
  const typed = new Map<string, string>()
  const helped = new Set<string>()
  const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*'
  for (const line of text.slice(0, -1).split('\n')) {
    const help = new RegExp(`^# HELP (${NAME}) (.+)$`).exec(line)
    const type = new RegExp(
      `^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`,
    ).exec(line)
    if (help) {
      assert.ok(!helped.has(help[1] as string), `one HELP for ${help[1]}`)
      helped.add(help[1] as string)
      continue
    }
    if (type) {
      assert.ok(!typed.has(type[1] as string), `one TYPE for ${type[1]}`)
      typed.set(type[1] as string, type[2] as string)
      continue
    }
    const m = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)$`).exec(line)
    assert.ok(m, `a sample line: ${line}`)
    const labels: Record<string, string> = {}
    let rest = m[2] ?? ''
    while (rest) {
      const l =
        /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/.exec(rest)
      assert.ok(l, `labels of ${line}`)
      labels[l[1] as string] = (l[2] as string)
        .replace(/\\n/g, '\n')
        .replace(/\\(["\\])/g, '$1')
      rest = rest.slice(l[0].length)
    }
    const raw = m[3] as string
    assert.match(raw, /^([+-]?Inf|NaN|[+-]?\d+(\.\d+)?([eE][+-]?\d+)?)$/, line)
    assert.ok(typed.has(m[1] as string), `TYPE before ${m[1]}`)
    samples.push({
      name: m[1] as string,
      labels,
      value: raw === '+Inf' ? Infinity : Number(raw),
    })
  }
  return samples
}
