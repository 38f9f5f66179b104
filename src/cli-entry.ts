// The CLI's entry point (dist/cli.js, `npx sigvec-check`): one call, so that
// loading src/cli.ts, as tests do, runs nothing.
import { main } from './cli.js'

process.exitCode = await main(process.argv.slice(2))
