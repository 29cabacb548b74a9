import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export async function makeTempDir(prefix = 'orkm-'): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/** Every file under a folder with its contents, to prove no file holds a secret. */
export async function readAllFiles(root: string): Promise<Array<{ path: string; text: string }>> {
  const files: Array<{ path: string; text: string }> = []
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir)) {
      const path = join(dir, entry)
      if ((await stat(path)).isDirectory()) await walk(path)
      else files.push({ path, text: await readFile(path, 'latin1') })
    }
  }
  await walk(root)
  return files
}
