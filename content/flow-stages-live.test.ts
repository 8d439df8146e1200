import { describe, expect, it } from 'vitest';
import { FlowController } from '@/lib/flow/controller';
import { FlightAnimator } from '@/lib/flow/diagram-live';
import { diagramStages, drillsForStage, edgeLoad, nodeLive, stagePaths } from './flow-stages';

function running(ticks = 30) {
  const sim = new FlowController({ config: { seed: 3 } });
  for (let i = 0; i < ticks; i++) sim.step();
  return sim;
}

describe('nodeLive', () => {
  it('gives a line to every simulated node of each stage and none to the others', () => {
    const view = running().view();
    for (const stage of diagramStages) {
      const live = nodeLive(view, stage.number);
      for (const id of Object.keys(live)) expect(stage.nodes).toContain(id);
      expect(live.clients?.text).toBe('500 scores/s');
      if (stage.number >= 3) expect(live.kafka?.bars).toHaveLength(6);
      if (stage.number < 4) expect(live.redis?.text).toMatch(/ops\/s/);
      if (stage.number >= 4) expect(live['redis-shard-3']?.text).toMatch(/^w \d+% · r \d+%$/);
      expect(live['topk-cache']).toBeUndefined();
    }
  });

  it('shows a dead consumer and a dead shard', () => {
    const sim = running();
    sim.dispatch({ type: 'kill-consumer', consumer: 1 });
    sim.dispatch({ type: 'kill-shard', shard: 2 });
    sim.step();
    const v = sim.view();
    expect(nodeLive(v, 4)['consumer-1']).toMatchObject({ tone: 'down' });
    expect(nodeLive(v, 4)['redis-shard-2']).toEqual({ text: 'down', tone: 'down' });
    expect(nodeLive(v, 3).redis?.tone).toBe('warn');
  });

  it('is empty for a stage that does not exist', () => {
    expect(nodeLive(running(1).view(), 9)).toEqual({});
  });
});

describe('edgeLoad', () => {
  it('maps simulated hops onto the edges a stage draws', () => {
    const view = running().view();
    const four = edgeLoad(view, 4);
    expect(four['api->postgres']).toBeGreaterThan(0);
    expect(four['postgres->kafka']).toBeGreaterThan(0);
    expect(four['api->kafka']).toBeUndefined();
    const one = edgeLoad(view, 1);
    for (const id of Object.keys(one)) expect(diagramStages[0]!.edges).toContain(id);
    expect(one['api->redis']).toBeGreaterThan(0);
  });
});

describe('FlightAnimator', () => {
  it('moves each new hop along its edge once and drops it at the end', () => {
    const sim = running(5);
    const anim = new FlightAnimator(stagePaths(4), 1000, 100);
    const flights = sim.view().flights;
    const started = anim.ingest(flights, 0);
    expect(started).toBeGreaterThan(0);
    expect(anim.ingest(flights, 10)).toBe(0);
    const dots = anim.dots(500);
    expect(dots.length).toBeGreaterThan(0);
    for (const d of dots) {
      expect(Number.isFinite(d.x) && Number.isFinite(d.y)).toBe(true);
    }
    expect(anim.dots(5000)).toEqual([]);
  });

  it('keeps at most its capacity and forgets everything on reset', () => {
    const sim = running(20);
    const anim = new FlightAnimator(stagePaths(4), 1000, 5);
    anim.ingest(sim.view().flights, 0);
    expect(anim.dots(300).length).toBeLessThanOrEqual(5);
    anim.reset();
    expect(anim.dots(300)).toEqual([]);
    expect(anim.ingest(sim.view().flights, 0)).toBeGreaterThan(0);
  });

  it('draws nothing for hops marked as seen', () => {
    const sim = running(5);
    const anim = new FlightAnimator(stagePaths(4), 1000, 100);
    anim.skip(sim.view().flights);
    expect(anim.ingest(sim.view().flights, 0)).toBe(0);
    sim.step();
    expect(anim.ingest(sim.view().flights, 0)).toBeGreaterThan(0);
  });

  it('skips hops that a stage draws inside one node', () => {
    const sim = running(5);
    const anim = new FlightAnimator(stagePaths(1), 1000, 100);
    anim.ingest(sim.view().flights, 0);
    // Stage 1 has only clients->api and api->redis: every dot is on one of them.
    for (const d of anim.dots(1)) expect(d.y).toBeGreaterThan(300);
  });
});

describe('drillsForStage', () => {
  it('offers no drill before Kafka, the consumer drills at stage 3 and all from stage 4', () => {
    expect(drillsForStage(1)).toEqual([]);
    expect(drillsForStage(2)).toEqual([]);
    expect(drillsForStage(3)).toEqual(['consumer-dies', 'duplicate-delivery']);
    expect(drillsForStage(4)).toHaveLength(5);
    expect(drillsForStage(5)).toEqual(drillsForStage(4));
  });
});
