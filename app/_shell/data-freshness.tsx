import { connection } from 'next/server';
import { FreshnessLine } from '@/components/ui/freshness-line';
import { freshness, type Freshness } from '@/lib/analysis/freshness';

/** Reads the table's version and write time at request time; a database that cannot be read shows nothing here. */
async function readFreshness(): Promise<{ data: Freshness | null; readAt: number } | null> {
  await connection();
  try {
    return { data: await freshness(), readAt: Date.now() };
  } catch {
    // The page itself reports the database error; the header line just stays empty.
    return null;
  }
}

/** The data version and last write time, shown in the header of every page. */
export async function DataFreshness() {
  const read = await readFreshness();
  return read ? <FreshnessLine freshness={read.data} now={read.readAt} /> : null;
}
