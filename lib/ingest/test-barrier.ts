import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Waits until `parties` participants (processes or not) have called this for the same round in `dir`. */
export async function waitAtBarrier(
  dir: string,
  round: number,
  name: string,
  parties: number,
): Promise<void> {
  const roundDir = join(dir, `round-${round}`);
  await mkdir(roundDir, { recursive: true });
  await writeFile(join(roundDir, name), '');
  while ((await readdir(roundDir)).length < parties) await new Promise((resolve) => setTimeout(resolve, 10));
}
