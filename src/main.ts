// The action: inputs → audit → publish. @actions/core is used here and
// nowhere else; one catch fails the step with the error's message.
import * as core from '@actions/core'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { audit } from './audit.js'
import { writeInputFile } from './files.js'
import { INPUT_NAMES, parseOptions } from './options.js'
import {
  renderSummary,
  renderText,
  reportAnnotations,
  reportOutputs,
} from './report.js'

export async function run(): Promise<void> {
  try {
    const options = parseOptions((name) => core.getInput(name))
    for (const name of INPUT_NAMES)
      core.debug(`input ${name}=${core.getInput(name)}`)
    core.debug(`options ${JSON.stringify(options)}`)

    const report = await audit(options, {
      godebug: process.env.GODEBUG,
      now: new Date(),
      tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
      log: (line) => core.info(line),
    })
    const reportFile =
      options.reportPath ?? (await defaultReportPath(process.env))
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

/**
 * The report's path when report-path is not given. RUNNER_TEMP is the
 * runner's own folder for this job; without it, a fixed name in a shared
 * /tmp could be planted by another user before we write, so the report goes
 * into a fresh private folder (mkdtemp: unguessable, mode 0700, ours).
 */
export async function defaultReportPath(
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const dir = env.RUNNER_TEMP
    ? env.RUNNER_TEMP
    : await fs.mkdtemp(path.join(os.tmpdir(), 'sigvec-check-'))
  return path.join(dir, 'sigvec-check-report.json')
}
