// Writes a file whole or not at all: a temp file beside it, then a rename,
// so a failed step never leaves half a report behind.
import fs from 'node:fs/promises'
import path from 'node:path'

export async function writeFileAtomic(
  file: string,
  content: string,
  mode?: number,
): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  try {
    await fs.writeFile(tmp, content, { mode })
    await fs.rename(tmp, file)
  } catch (err) {
    await fs.rm(tmp, { force: true })
    throw err
  }
}
