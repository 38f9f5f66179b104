// `npm run bench`: runs every bench/*.bench.ts in name order. Each exports a
// default async function that prints its own figures as numbers and ratios.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort()

for (const file of files) {
  console.log(`\n## ${file.replace(/\.bench\.js$/, '')}`)
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as {
    default: () => Promise<void>
  }
  await mod.default()
}
