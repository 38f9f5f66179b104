// Preloaded with `node --import` to run the action or the CLI as if on
// another operating system: process.platform says PRELOAD_PLATFORM (a
// variable of the tests, read only here). Only the word Node reports
// changes; the machine underneath stays this Linux one, so whatever the
// product reads or runs for real would still work, and a test can see that
// it did not.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const platform = process.env.PRELOAD_PLATFORM
if (platform) Object.defineProperty(process, 'platform', { value: platform })

/** This module, for `node --import`. */
export const PLATFORM_PRELOAD = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'platform.js',
)
