import { endpointCases, timeEndpoint, timeFailurePages } from './bench/endpoints';
import { callRoute, neverAskedFilter } from './bench/routes';
process.env.LANCEDB_URI = process.argv[2];
process.env.LANCEDB_READ_CONSISTENCY_SECONDS = '0';
async function main() {
  const s = performance.now();
  await callRoute('summary', neverAskedFilter());
  console.log('first', (performance.now() - s).toFixed(0));
  const list = (await callRoute('training-list', '')) as { trainings: { training_id: string }[] };
  const trainings = list.trainings.map((t) => t.training_id);
  for (const [name, query] of endpointCases(trainings)) {
    const t = await timeEndpoint(name, query, 3);
    console.log(t.label.slice(0, 60).padEnd(60), t.coldMs.toFixed(1).padStart(8), t.warmMs.toFixed(2).padStart(8));
  }
  console.log(await timeFailurePages([0, 10000, 100000], 3));
}
main().then(() => process.exit(0));
