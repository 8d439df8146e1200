import { describe, expect, it } from 'vitest';
import {
  compositeScore,
  fleet,
  histogram,
  memoryTable,
  rangeShards,
  readMix,
  readsAtPeak,
  redisDataBytes,
  scale,
  sharding,
  traffic,
} from './design-ledger';

describe('design ledger: the inputs agree with each other', () => {
  it('the read mix sums to 100% and its parts to the peak read rate', () => {
    expect(readMix.sharedPages + readMix.ownRankAndNeighbours + readMix.friendBoards).toBeCloseTo(
      1,
    );
    expect(readsAtPeak.sharedPages + readsAtPeak.ownRank + readsAtPeak.friendBoards).toBe(
      traffic.peakReadsPerSecond,
    );
  });

  it('the range shards hold every registered player, in descending bands', () => {
    expect(rangeShards.reduce((sum, s) => sum + s.members, 0)).toBe(scale.registeredPlayers);
    for (let i = 1; i < rangeShards.length; i++) {
      expect(rangeShards[i]!.minScore).toBeLessThan(rangeShards[i - 1]!.minScore);
    }
    expect(rangeShards.at(-1)?.minScore).toBe(0);
    expect(sharding.rangeShardCount).toBe(8);
  });

  it('derives the figures the guide quotes', () => {
    expect(traffic.avgUpdatesPerSecond).toBe(2_300);
    expect(traffic.peakUpdatesPerSecond).toBe(12_000);
    expect(traffic.peakReadsPerSecond).toBe(58_000);
    expect(Math.round(memoryTable.globalSeasonBoard / 1e8) / 10).toBe(10.2);
    expect(Math.round(memoryTable.allBoards / 1e9)).toBe(45);
    expect(redisDataBytes).toBeLessThanOrEqual(fleet.primaries * 6e9);
    expect(redisDataBytes).toBeGreaterThan((fleet.primaries - 1) * 6e9);
    expect(histogram.bucketPopulation).toBe(10_000);
  });

  it('keeps the composite score inside the 53 bits a double holds exactly', () => {
    const k = 2 ** compositeScore.timeBits;
    expect(scale.secondsPerDay * 90).toBeLessThan(k);
    expect(compositeScore.maxScore * k + (k - 1)).toBe(2 ** 53 - 1);
    expect(compositeScore.example.composite).toBe(12_591_297_007);
  });
});
