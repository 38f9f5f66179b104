// The action: inputs → audit → publish. The runner is spoken to here and
// nowhere else (through workflow.ts); one catch fails the step with the
// error's message.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { audit } from './audit.js'
import { writeInputFile } from './files.js'
import { ACTION_INPUTS, sigvecVariableWarnings } from './inputs.js'
import { checkReportPath, parseOptions } from './options.js'
import { renderText, reportAnnotations, reportOutputs } from './report.js'
import { renderSummary } from './summary.js'
import * as runner from './workflow.js'
import { ioFolder } from './reproducer.js'

export async function run(): Promise<void> {
  try {
    // A SIGVEC_* variable is the hook's, never the action's; one the tool
    // does not know at all is most likely a typo.
    for (const text of sigvecVariableWarnings(process.env, 'audit'))
      runner.annotate('warning', text, 'sigvec-check: variable ignored')
    const options = parseOptions((name) => runner.getInput(name))
    await checkReportPath('report-path', options.reportPath)
    for (const name of ACTION_INPUTS)
      runner.debug(`input ${name}=${runner.getInput(name)}`)
    runner.debug(`options ${JSON.stringify(options)}`)

    const report = await audit(options, {
      godebug: process.env.GODEBUG,
      now: new Date(),
      tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
      ioDir: ioFolder(process.env),
      toolCacheDir: process.env.RUNNER_TOOL_CACHE || null,
      log: (line) => runner.info(line),
    })
    const reportFile =
      options.reportPath ?? (await defaultReportPath(process.env))
    await writeInputFile(
      'report-path',
      reportFile,
      JSON.stringify(report, null, 2) + '\n',
    )

    runner.info(renderText(report))
    // The summary first: if it cannot be written, no output is set either;
    // the outputs go in one write, all or none.
    await runner.appendSummary(renderSummary(report))
    await runner.setOutputs(reportOutputs(report, reportFile))
    if (report.decision.godebug !== null) {
      await runner.exportVariable('GODEBUG', report.decision.godebug)
    }
    for (const a of reportAnnotations(report)) {
      runner.annotate(a.level, a.message, a.title)
    }
    // The error annotation above already says why; exit code alone fails the step.
    if (report.decision.fail) process.exitCode = 1
  } catch (err) {
    runner.setFailed(err instanceof Error ? err.message : String(err))
  }
}

/**
 * The report's path when report-path is not given. RUNNER_TEMP is the
 * runner's own folder for this job; without it, a fixed name in a shared
 * /tmp could be planted by another user before we write, so the report goes
 * into a fresh private folder (mkdtemp: unguessable, mode 0700, ours).
 */
async function defaultReportPath(env: NodeJS.ProcessEnv): Promise<string> {
  const dir = env.RUNNER_TEMP
    ? env.RUNNER_TEMP
    : await fs.mkdtemp(path.join(os.tmpdir(), 'sigvec-check-'))
  return path.join(dir, 'sigvec-check-report.json')
}
