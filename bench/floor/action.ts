// The floor the startup bench compares the action with: a bundled action that
// only imports @actions/core, reads an input, sets an output and writes one
// summary line. It is bundled at bench time, never committed.
import * as core from '@actions/core'

const who = core.getInput('who') || 'world'
core.setOutput('greeting', `hello ${who}`)
await core.summary.addRaw(`hello ${who}\n`).write()
