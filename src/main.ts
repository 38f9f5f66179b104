// The action: inputs → audit → publish. @actions/core is used here and
// nowhere else; one catch fails the step with the error's message.
import * as core from '@actions/core'
import os from 'node:os'
import path from 'node:path'
import { audit } from './audit.js'
import { writeInputFile } from './files.js'
import { ACTION_INPUTS } from './inputs.js'
import { parseOptions } from './options.js'
import {
  renderSummary,
  renderText,
  reportAnnotations,
  reportOutputs,
} from './report.js'

export async function run(): Promise<void> {
  try {
    const options = parseOptions((name) => core.getInput(name))
    for (const name of ACTION_INPUTS)
      core.debug(`input ${name}=${core.getInput(name)}`)
    core.debug(`options ${JSON.stringify(options)}`)

    const report = await audit(options, {
      godebug: process.env.GODEBUG,
      now: new Date(),
      tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
      toolCacheDir: process.env.RUNNER_TOOL_CACHE || null,
      log: (line) => core.info(line),
    })
    const reportFile =
      options.reportPath ??
      path.join(
        process.env.RUNNER_TEMP || os.tmpdir(),
        'sigvec-check-report.json',
      )
    await writeInputFile(
      'report-path',
      reportFile,
      JSON.stringify(report, null, 2) + '\n',
    )

    core.info(renderText(report))
    // The summary first: if it cannot be written, no output is set either.
    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(renderSummary(report)).write()
    }
    for (const [name, value] of Object.entries(
      reportOutputs(report, reportFile),
    )) {
      core.setOutput(name, value)
    }
    if (report.decision.godebug !== null) {
      core.exportVariable('GODEBUG', report.decision.godebug)
    }
    for (const a of reportAnnotations(report)) {
      core[a.level](a.message, { title: a.title })
    }
    // The error annotation above already says why; exit code alone fails the step.
    if (report.decision.fail) process.exitCode = 1
  } catch (err) {
    core.setFailed(err instanceof Error ? err.message : String(err))
  }
}
