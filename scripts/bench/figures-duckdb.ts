import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { passK, type Figure, type FigureMethod, type FigureValues, type Scope } from './figures';

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

function sql(figure: Figure, scope: Scope): string {
  const conditions = [
    ...(scope.trainingId === null ? [] : [`training_id = ${literal(scope.trainingId)}`]),
    ...(scope.rewardMin === null ? [] : [`reward >= ${scope.rewardMin}`]),
  ];
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  if (figure === 'avg_reward') {
    return `SELECT epoch_id::VARCHAR AS key, avg(reward) AS value FROM t ${where} GROUP BY epoch_id`;
  }
  if (figure === 'termination_mix') {
    return `SELECT epoch_id || '|' || termination_reason AS key,
              count(*) / sum(count(*)) OVER (PARTITION BY epoch_id) AS value
            FROM t ${where} GROUP BY epoch_id, termination_reason`;
  }
  // pass@k per question (a data_id within training × epoch): 1 − C(n−c, k)/C(n, k), written as the product of
  // (n−c−i)/(n−i) for i < k, which reaches 0 when fewer than k samples failed; averaged over questions with n ≥ k.
  const k = passK(figure);
  return `WITH q AS (
            SELECT training_id, epoch_id, data_id, count(*) AS n, count_if(reward > 0) AS c
            FROM t ${where} GROUP BY training_id, epoch_id, data_id)
          SELECT epoch_id::VARCHAR AS key,
            avg(1 - list_aggregate(list_transform(range(${k}), i -> (n - c - i)::DOUBLE / (n - i)), 'product')) AS value
          FROM q WHERE n >= ${k} GROUP BY epoch_id`;
}

/** DuckDB over the Parquet copy of the same rows. */
export async function duckdbMethod(parquet: string): Promise<FigureMethod & { close(): void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  await connection.run(`CREATE VIEW t AS SELECT * FROM read_parquet(${literal(parquet)})`);
  return {
    name: 'DuckDB',
    async compute(figure, scope): Promise<FigureValues> {
      const reader = await connection.runAndReadAll(sql(figure, scope));
      const out: FigureValues = new Map();
      for (const [key, value] of reader.getRowsJS()) out.set(String(key), Number(value));
      return out;
    },
    close: () => connection.closeSync(),
  };
}
