import { describe, expect, it } from 'vitest';
import { createClient } from '../engine/index';
import { SCENARIOS, runScenario, type ScenarioName } from './lab-scenarios';

describe('lab scenarios on the engine', () => {
  for (const name of Object.keys(SCENARIOS) as ScenarioName[]) {
    it(`${name}: reports metrics, exact designs have zero rank error, keys are cleaned up`, async () => {
      const client = createClient();
      const phases = new Set<string>();
      const r = await runScenario(name, client, {
        seed: 3,
        players: name === 'approx100m' ? 100_000_000 : 3000,
        ops: 300,
        shards: 4,
        distribution: 'normal',
        buckets: 100,
        bucketKind: 'quantile',
        onProgress: (phase) => void phases.add(phase),
      });
      expect(r.scenario).toBe(name);
      expect(r.ops).toBeGreaterThan(0);
      expect(r.opsPerSec).toBeGreaterThan(0);
      expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
      if (name === 'sharding' || name === 'hash') {
        expect(r.rankError?.maxAbs).toBe(0);
        expect(String(r.extra.shardSizes).split(' ')).toHaveLength(4);
      }
      if (name === 'approx' || name === 'approx100m') expect(r.rankError?.boundViolations).toBe(0);
      if (name === 'churn') expect(r.extra.cursorUnchangedRepeated).toBe(0);
      if (name === 'fanout') expect(r.extra['read.writeAmplification']).toBe(1);
      if (name !== 'churn') expect(phases.has('operations')).toBe(true);
      expect(client.engine.db.data.size).toBe(0);
    });
  }
});
