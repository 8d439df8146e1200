'use client';

import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { costAssumptions, practiceCosts } from '@/content/practice/costs';
import { findVariant, ledgerFacts, practiceVariants } from '@/content/practice/prompts';
import { rubric } from '@/content/practice/rubric';
import {
  compileTopology,
  componentSpecs,
  paletteKinds,
  paramOf,
  type ComponentKind,
  type ComponentParams,
  type FlowKind,
  type Topology,
} from '@/lib/flow';
import {
  attemptMarkdown,
  exportAttempts,
  minutesUsed,
  newAttempt,
  parseAttempts,
  reviewPrompt,
  RUBRIC_LEVELS,
  type Attempt,
  type RunSummary,
} from '@/lib/practice/attempt';
import { answerQuestion, missedKeyQuestions } from '@/lib/practice/clarify';
import { checkEstimate, parseFigure } from '@/lib/practice/estimates';
import {
  formatClock,
  interviewPlan,
  pause,
  skipToNextPhase,
  start,
  timerView,
} from '@/lib/practice/interview-plan';
import {
  askInterviewer,
  interviewerMessages,
  type EndpointSettings,
} from '@/lib/practice/interviewer';
import { compareDesigns, describeTopology } from '@/lib/practice/review';
import type { RunResult } from '@/lib/practice/run';
import { inForce, type EstimateId, type Variant } from '@/lib/practice/variant';
import { forgetPracticeAttempt, recordPracticeAttempt } from '@/components/progress/browser-store';
import { deleteAttempt, importAttempts, listAttempts, saveAttempt } from './attempt-store';
import { DesignCanvas, tidyLayout } from './design-canvas';
import { useRun, type RunStatus } from './use-run';
import { withBasePath } from '@/lib/site-config';

type TabId = 'clarify' | 'estimate' | 'api' | 'design' | 'deep-dive' | 'wrap-up' | 'review';
const tabs: readonly { id: TabId; label: string }[] = [
  ...interviewPlan.map((p) => ({ id: p.id as TabId, label: p.short })),
  { id: 'review', label: 'Review' },
];
type Design = Attempt['design'];

const SETTINGS_KEY = 'leaderboard-lab:practice-interviewer:v1';
const btn =
  'inline-flex h-10 items-center justify-center gap-1.5 rounded-lg border px-3.5 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 disabled:opacity-50';
const primary = `${btn} border-accent-600 bg-accent-600 text-white hover:bg-accent-700 dark:border-accent-500`;
const quiet = `${btn} border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800`;
const field =
  'h-10 rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100';
const card =
  'rounded-2xl border border-zinc-200 bg-white p-4 sm:p-5 dark:border-zinc-800 dark:bg-zinc-900';
const h2 = 'text-lg font-semibold text-zinc-900 dark:text-zinc-50';
const muted = 'text-sm text-zinc-600 dark:text-zinc-400';

function subscribeWide(onChange: () => void) {
  const q = window.matchMedia('(min-width: 768px)');
  q.addEventListener('change', onChange);
  return () => q.removeEventListener('change', onChange);
}
const wideNow = () => window.matchMedia('(min-width: 768px)').matches;

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `a${Date.now()}${Math.random()}`;

function summarise(result: RunResult): RunSummary {
  return {
    at: Date.now(),
    bottleneck: result.capacity?.bottleneck ?? null,
    requirements: result.requirements.map(({ id, title, passed, reason }) => ({
      id,
      title,
      passed,
      reason,
    })),
    drills: result.drills.map(({ id, title, passed, skipped, details }) => ({
      id,
      title,
      passed,
      skipped,
      details,
    })),
  };
}

/** A unique id for a new node of a kind: "kafka", then "kafka-2"… */
function nextId(t: Topology, kind: ComponentKind): string {
  const base = kind === 'load-balancer' ? 'lb' : kind;
  if (!t.nodes.some((n) => n.id === base)) return base;
  for (let i = 2; ; i++) if (!t.nodes.some((n) => n.id === `${base}-${i}`)) return `${base}-${i}`;
}

function loadSettings(): EndpointSettings {
  try {
    const v = JSON.parse(
      localStorage.getItem(SETTINGS_KEY) ?? 'null',
    ) as Partial<EndpointSettings> | null;
    return { baseUrl: v?.baseUrl ?? '', model: v?.model ?? '', apiKey: v?.apiKey ?? '' };
  } catch {
    return { baseUrl: '', model: '', apiKey: '' };
  }
}

/**
 * The practice room: pick a prompt, run the 45-minute clock, clarify, estimate, draw a design
 * and run it, drill its failures, review it against a reference, and keep the attempt.
 */
export function PracticeRoom() {
  const uid = useId().replace(/:/g, '');
  const wide = useSyncExternalStore(subscribeWide, wideNow, () => true);
  const [loaded, setLoaded] = useState(false);
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [choice, setChoice] = useState(practiceVariants[0]?.id ?? '');
  const [tab, setTab] = useState<TabId>('clarify');
  const [now, setNow] = useState(() => Date.now());
  const [announce, setAnnounce] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [layoutKey, setLayoutKey] = useState(0);
  const [past, setPast] = useState<Design[]>([]);
  const [future, setFuture] = useState<Design[]>([]);
  const [status, run] = useRun();
  const [refStatus, runReference] = useRun();
  const [importNote, setImportNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [settings, setSettings] = useState<EndpointSettings>(loadSettings);
  const [asking, setAsking] = useState<string | null>(null);
  const lastPhase = useRef<number | null>(null);

  const variant = attempt ? findVariant(attempt.variantId) : undefined;

  // Restore: the newest attempt still in progress comes back as it was left.
  useEffect(() => {
    listAttempts()
      .then((all) => {
        setAttempts(all);
        const open = all.find((a) => a.status === 'in-progress' && findVariant(a.variantId));
        if (open) {
          const phase = timerView(open.timer, Date.now());
          lastPhase.current = phase.phaseIndex;
          setTab((interviewPlan[phase.phaseIndex]?.id ?? 'clarify') as TabId);
          setAttempt(open);
        }
      })
      .catch(() =>
        setImportNote({
          ok: false,
          text: 'This browser refused storage: attempts will not be kept.',
        }),
      )
      .finally(() => setLoaded(true));
  }, []);

  // Save every change (whole attempt) once the room has loaded.
  useEffect(() => {
    if (!loaded || !attempt) return;
    const t = setTimeout(() => {
      void saveAttempt(attempt).then(() =>
        setAttempts((list) => [attempt, ...list.filter((a) => a.id !== attempt.id)]),
      );
    }, 150);
    return () => clearTimeout(t);
  }, [attempt, loaded]);

  const update = useCallback((f: (a: Attempt) => Attempt) => {
    setAttempt((a) => (a ? { ...f(a), updatedAt: Date.now() } : a));
  }, []);

  const view = attempt ? timerView(attempt.timer, now) : null;
  const running = view?.status === 'running';
  const attemptRef = useRef(attempt);
  useEffect(() => {
    attemptRef.current = attempt;
  }, [attempt]);

  /**
   * Moves the room to the clock: a new phase opens its tab, and the requirement change is
   * announced once its minute has come. Called on every tick and after "Next phase".
   */
  const follow = useCallback(
    (t: number, timer = attemptRef.current?.timer) => {
      const a = attemptRef.current;
      const v = a ? findVariant(a.variantId) : undefined;
      if (!a || !v || !timer) return;
      setNow(t);
      const tv = timerView(timer, t);
      if (
        lastPhase.current !== null &&
        lastPhase.current !== tv.phaseIndex &&
        tv.status !== 'idle'
      ) {
        const phase = interviewPlan[tv.phaseIndex];
        if (phase) {
          setTab(phase.id as TabId);
          setAnnounce(`Phase ${tv.phaseIndex + 1} of ${interviewPlan.length}: ${phase.title}.`);
        }
      }
      lastPhase.current = tv.phaseIndex;
      if (!a.changeAnnounced && tv.elapsedMs / 60_000 >= v.change.minute) {
        update((x) => ({ ...x, changeAnnounced: true }));
        setAnnounce(`Minute ${v.change.minute}, the interviewer: ${v.change.text}`);
      }
    },
    [update],
  );
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => follow(Date.now()), 500);
    return () => clearInterval(t);
  }, [running, follow]);
  const elapsedMinutes = view ? view.elapsedMs / 60_000 : 0;

  const startAttempt = () => {
    const v = findVariant(choice);
    if (!v) return;
    const a = newAttempt(v, newId(), Date.now());
    lastPhase.current = null;
    setAttempt(a);
    setTab('clarify');
    setPast([]);
    setFuture([]);
    setSelected(null);
  };

  // ─── Design editing with undo ──────────────────────────────────────────────────────────
  const setDesign = useCallback(
    (next: Design) => {
      if (!attempt) return;
      setPast((p) => [...p.slice(-99), attempt.design]);
      setFuture([]);
      update((a) => ({ ...a, design: next }));
    },
    [attempt, update],
  );
  const undo = useCallback(() => {
    const prev = past[past.length - 1];
    if (!attempt || !prev) return;
    setPast((p) => p.slice(0, -1));
    setFuture((f) => [attempt.design, ...f]);
    update((a) => ({ ...a, design: prev }));
  }, [attempt, past, update]);
  const redo = useCallback(() => {
    const next = future[0];
    if (!attempt || !next) return;
    setFuture((f) => f.slice(1));
    setPast((p) => [...p, attempt.design]);
    update((a) => ({ ...a, design: next }));
  }, [attempt, future, update]);

  const design = attempt?.design;
  const compiled = useMemo(() => (design ? compileTopology(design.topology) : null), [design]);

  const addNode = (kind: ComponentKind) => {
    if (!design) return;
    const id = nextId(design.topology, kind);
    const count = design.topology.nodes.length;
    const at = { x: (count % 5) * 240, y: Math.floor(count / 5) * 130 };
    setDesign({
      topology: { ...design.topology, nodes: [...design.topology.nodes, { id, kind }] },
      positions: { ...design.positions, [id]: at },
    });
    setSelected(id);
  };
  const removeNode = useCallback(
    (id: string) => {
      if (!design) return;
      const { [id]: _gone, ...positions } = design.positions;
      setDesign({
        topology: {
          nodes: design.topology.nodes.filter((n) => n.id !== id),
          edges: design.topology.edges.filter((e) => e.source !== id && e.target !== id),
        },
        positions,
      });
      setSelected(null);
    },
    [design, setDesign],
  );
  const moveNode = useCallback(
    (id: string, at: { x: number; y: number }) => {
      if (design) setDesign({ ...design, positions: { ...design.positions, [id]: at } });
    },
    [design, setDesign],
  );
  const connect = (source: string, target: string, flow: FlowKind) => {
    if (!design || source === target) return;
    const edges = design.topology.edges.filter(
      (e) => !(e.source === source && e.target === target),
    );
    setDesign({
      ...design,
      topology: { ...design.topology, edges: [...edges, { source, target, flow }] },
    });
  };
  const removeEdge = (source: string, target: string) => {
    if (!design) return;
    setDesign({
      ...design,
      topology: {
        ...design.topology,
        edges: design.topology.edges.filter((e) => !(e.source === source && e.target === target)),
      },
    });
  };
  const setParam = (
    id: string,
    key: keyof ComponentParams,
    value: ComponentParams[keyof ComponentParams],
  ) => {
    if (!design) return;
    setDesign({
      ...design,
      topology: {
        ...design.topology,
        nodes: design.topology.nodes.map((n) =>
          n.id === id ? { ...n, params: { ...n.params, [key]: value } } : n,
        ),
      },
    });
  };
  const tidy = async () => {
    if (!design) return;
    setDesign({ ...design, positions: await tidyLayout(design.topology) });
    setLayoutKey((k) => k + 1);
  };

  // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Y) anywhere but in a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')
      )
        return;
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key.toLowerCase() === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((e.key.toLowerCase() === 'z' && e.shiftKey) || e.key.toLowerCase() === 'y') {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  // ─── Runs ──────────────────────────────────────────────────────────────────────────────
  const forceNow = variant
    ? inForce(variant, attempt?.changeAnnounced ? variant.change.minute : elapsedMinutes)
    : null;
  const runDesign = () => {
    if (!attempt || !variant || !forceNow) return;
    run(
      {
        topology: attempt.design.topology,
        load: forceNow.load,
        requirements: forceNow.requirements,
        costs: practiceCosts,
        seed: 7,
      },
      (result) => update((a) => ({ ...a, run: summarise(result) })),
    );
  };
  useEffect(() => {
    if (tab !== 'review' || !variant || !forceNow || refStatus.state !== 'idle') return;
    runReference({
      topology: variant.reference.topology,
      load: forceNow.load,
      requirements: forceNow.requirements,
      costs: practiceCosts,
      seed: 7,
    });
  }, [tab, variant, forceNow, refStatus.state, runReference]);

  const finish = () => {
    if (!attempt || !variant) return;
    const t = Date.now();
    const used = minutesUsed(attempt.timer, t);
    update((a) => ({ ...a, status: 'complete', timer: pause(a.timer, t), minutesUsed: used }));
    // The summary goes to the reader's progress (the full attempt stays in IndexedDB).
    const scores = Object.values(attempt.rubric);
    recordPracticeAttempt({
      id: attempt.id,
      finishedAt: t,
      variant: variant.id,
      title: variant.title,
      timeUsedMs: Math.min(45 * 60_000, timerView(attempt.timer, t).elapsedMs),
      checksPassed: attempt.run?.requirements.filter((r) => r.passed).length ?? 0,
      checksTotal: attempt.run?.requirements.length ?? 0,
      ...(scores.length
        ? { rubricScore: scores.reduce((x, y) => x + y, 0), rubricMax: rubric.length * 3 }
        : {}),
    });
    setAnnounce('Attempt finished and saved.');
  };

  const onImport = async (file: File) => {
    const text = await file.text();
    const parsed = parseAttempts(text, new Set(practiceVariants.map((v) => v.id)));
    if (!parsed.ok) {
      setImportNote({
        ok: false,
        text: `Refused: ${parsed.reason}. Nothing was imported or changed.`,
      });
      return;
    }
    const { added, skipped } = await importAttempts(parsed.attempts);
    setAttempts(await listAttempts());
    setImportNote({
      ok: true,
      text: `Imported ${added} attempt${added === 1 ? '' : 's'}${skipped ? `; ${skipped} already here ${skipped === 1 ? 'was' : 'were'} left as ${skipped === 1 ? 'it was' : 'they were'}` : ''}.`,
    });
  };

  const askFollowUp = async () => {
    if (!attempt || !variant) return;
    setAsking('Asking…');
    try {
      const findings = attempt.run
        ? attempt.run.requirements.filter((r) => !r.passed).map((r) => `${r.title}: ${r.reason}`)
        : [];
      const q = await askInterviewer(
        settings,
        interviewerMessages(
          variant.prompt,
          describeTopology(attempt.design.topology),
          findings,
          attempt.interviewer.map((i) => i.question),
        ),
      );
      update((a) => ({ ...a, interviewer: [...a.interviewer, { question: q, at: Date.now() }] }));
      setAsking(null);
    } catch (e) {
      setAsking(e instanceof Error ? e.message : String(e));
    }
  };

  const descId = `${uid}-design-text`;
  const runResult = status.state === 'done' ? status.result : null;

  if (!loaded) {
    return (
      <p className={`${muted} py-10`} role="status">
        Opening your saved attempts…
      </p>
    );
  }

  return (
    <div className="space-y-6" data-practice-room data-ready="true">
      <p role="status" aria-live="polite" className="sr-only" data-announcement>
        {announce}
      </p>
      {!wide ? (
        <p
          className="rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
          data-phone-mode
        >
          <strong>Read-and-notes mode.</strong> On a phone you can read the prompt, run the clock,
          ask, estimate and take notes; the design canvas is view-only. Open the room on a screen at
          least 768 px wide to draw and run a design.
        </p>
      ) : null}

      {!attempt || !variant ? (
        <PromptPicker choice={choice} onChoose={setChoice} onStart={startAttempt} />
      ) : (
        <section aria-label="Current attempt" className="space-y-4">
          <Clock
            variant={variant}
            attempt={attempt}
            now={now}
            onStart={() => {
              const t = Date.now();
              if (lastPhase.current === null)
                lastPhase.current = timerView(attempt.timer, t).phaseIndex;
              update((a) => ({ ...a, timer: start(a.timer, t) }));
            }}
            onPause={() => update((a) => ({ ...a, timer: pause(a.timer, Date.now()) }))}
            onNext={() => {
              const t = Date.now();
              const timer = skipToNextPhase(attempt.timer, t);
              update((a) => ({ ...a, timer }));
              follow(t, timer);
            }}
          />
          {attempt.changeAnnounced ? (
            <div
              role="note"
              className="rounded-xl border-l-4 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100"
              data-requirement-change
            >
              <strong>
                Minute {variant.change.minute}: {variant.change.title}.
              </strong>{' '}
              {variant.change.text}
            </div>
          ) : null}
          <div
            role="tablist"
            aria-label="Phases of the interview"
            className="flex flex-wrap gap-1.5"
          >
            {tabs.map((t, i) => (
              <button
                key={t.id}
                role="tab"
                type="button"
                id={`${uid}-tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`${uid}-panel`}
                tabIndex={tab === t.id ? 0 : -1}
                data-tab={t.id}
                onClick={() => setTab(t.id)}
                onKeyDown={(e) => {
                  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                  if (!step) return;
                  e.preventDefault();
                  const next = tabs[(i + step + tabs.length) % tabs.length];
                  if (!next) return;
                  setTab(next.id);
                  document.getElementById(`${uid}-tab-${next.id}`)?.focus();
                }}
                className={`h-9 rounded-full border px-3.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 ${tab === t.id ? 'border-accent-600 bg-accent-600 text-white dark:border-accent-400 dark:bg-accent-400 dark:text-zinc-950' : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-200'}`}
              >
                {i < interviewPlan.length ? `${i + 1}. ` : ''}
                {t.label}
              </button>
            ))}
          </div>
          <div
            role="tabpanel"
            id={`${uid}-panel`}
            aria-labelledby={`${uid}-tab-${tab}`}
            className="space-y-4"
            data-panel={tab}
          >
            {tab === 'clarify' ? (
              <ClarifyPanel
                variant={variant}
                attempt={attempt}
                update={update}
                clarifyOver={(view?.elapsedMs ?? 0) >= 5 * 60_000}
              />
            ) : tab === 'estimate' ? (
              <EstimatePanel variant={variant} attempt={attempt} update={update} />
            ) : tab === 'api' || tab === 'wrap-up' ? (
              <NotesPanel
                title={tab === 'api' ? 'API and data model' : 'Wrap-up'}
                hint={interviewPlan.find((p) => p.id === tab)?.produce ?? ''}
                value={tab === 'api' ? attempt.notes.api : attempt.notes.wrapUp}
                onChange={(v) =>
                  update((a) => ({
                    ...a,
                    notes: tab === 'api' ? { ...a.notes, api: v } : { ...a.notes, wrapUp: v },
                  }))
                }
              />
            ) : tab === 'design' || tab === 'deep-dive' ? (
              <div className="space-y-4">
                <div className={wide ? 'grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]' : ''}>
                  <div className="min-w-0 space-y-2">
                    {wide ? (
                      <Toolbar
                        onAdd={addNode}
                        onUndo={undo}
                        onRedo={redo}
                        canUndo={past.length > 0}
                        canRedo={future.length > 0}
                        onTidy={() => void tidy()}
                        onRun={runDesign}
                        status={status}
                        empty={attempt.design.topology.nodes.length === 0}
                      />
                    ) : null}
                    <DesignCanvas
                      topology={attempt.design.topology}
                      positions={attempt.design.positions}
                      issues={compiled?.issues ?? []}
                      capacity={runResult?.capacity ?? null}
                      selected={selected}
                      onSelect={setSelected}
                      onDelete={wide ? removeNode : undefined}
                      onMove={wide ? moveNode : undefined}
                      label={`Your design: ${attempt.design.topology.nodes.length} components. Tab to a component, arrow keys to move, Enter to select, Delete to remove.`}
                      descriptionId={descId}
                      layoutKey={layoutKey}
                      height={wide ? 'h-[34rem]' : 'h-[22rem]'}
                    />
                    <p
                      id={descId}
                      className="text-xs leading-relaxed text-zinc-600 dark:text-zinc-400"
                      data-design-text
                    >
                      <span className="font-semibold">In words: </span>
                      {describeTopology(attempt.design.topology)}
                    </p>
                    <GraphIssues issues={compiled?.issues ?? []} />
                  </div>
                  {wide ? (
                    <Inspector
                      topology={attempt.design.topology}
                      selected={selected}
                      onSelect={setSelected}
                      onParam={setParam}
                      onConnect={connect}
                      onRemoveEdge={removeEdge}
                      onRemoveNode={removeNode}
                    />
                  ) : null}
                </div>
                <RunResults
                  status={status}
                  onRun={runDesign}
                  wide={wide}
                  assumptions={costAssumptions}
                />
                {tab === 'deep-dive' ? (
                  <>
                    <NotesPanel
                      title="Deep dives"
                      hint={interviewPlan.find((p) => p.id === 'deep-dive')?.produce ?? ''}
                      value={attempt.notes.deepDive}
                      onChange={(v) =>
                        update((a) => ({ ...a, notes: { ...a.notes, deepDive: v } }))
                      }
                    />
                    <InterviewerPanel
                      settings={settings}
                      attempt={attempt}
                      asking={asking}
                      onAsk={() => void askFollowUp()}
                      onSettings={(s) => {
                        setSettings(s);
                        localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
                      }}
                    />
                  </>
                ) : null}
              </div>
            ) : (
              <ReviewPanel
                variant={variant}
                attempt={attempt}
                update={update}
                refStatus={refStatus}
                onFinish={finish}
                descId={`${uid}-review-text`}
              />
            )}
          </div>
          <AttemptActions variant={variant} attempt={attempt} onNew={() => setAttempt(null)} />
        </section>
      )}

      <SavedAttempts
        attempts={attempts}
        current={attempt?.id ?? null}
        onOpen={(a) => {
          lastPhase.current = null;
          setAttempt(a);
          setTab(a.status === 'complete' ? 'review' : 'clarify');
        }}
        onDelete={async (a) => {
          await deleteAttempt(a.id);
          forgetPracticeAttempt(a.id);
          setAttempts((list) => list.filter((x) => x.id !== a.id));
          if (attempt?.id === a.id) setAttempt(null);
        }}
        onImport={(f) => void onImport(f)}
        note={importNote}
      />
    </div>
  );
}

function PromptPicker({
  choice,
  onChoose,
  onStart,
}: {
  choice: string;
  onChoose: (id: string) => void;
  onStart: () => void;
}) {
  return (
    <section className={card} aria-labelledby="pick-prompt">
      <h2 id="pick-prompt" className={h2}>
        Pick a prompt
      </h2>
      <p className={`mt-1 ${muted}`}>
        Each has its own numbers, and the interviewer changes one requirement partway through, as
        real interviewers do.
      </p>
      <div
        role="radiogroup"
        aria-labelledby="pick-prompt"
        className="mt-4 grid gap-2 sm:grid-cols-2"
      >
        {practiceVariants.map((v) => (
          <label
            key={v.id}
            className={`flex cursor-pointer gap-3 rounded-xl border p-3 ${choice === v.id ? 'border-accent-600 bg-accent-50 dark:border-accent-400 dark:bg-accent-950/40' : 'border-zinc-200 dark:border-zinc-700'}`}
          >
            <input
              type="radio"
              name="prompt"
              value={v.id}
              checked={choice === v.id}
              onChange={() => onChoose(v.id)}
              className="mt-1 size-4 accent-accent-600"
              data-prompt={v.id}
            />
            <span>
              <span className="block text-sm font-semibold text-zinc-900 dark:text-zinc-50">
                {v.title}
              </span>
              <span className="block text-sm text-zinc-600 dark:text-zinc-400">{v.summary}</span>
            </span>
          </label>
        ))}
      </div>
      <button
        type="button"
        className={`${primary} mt-4`}
        onClick={onStart}
        data-action="start-attempt"
      >
        Start this attempt
      </button>
    </section>
  );
}

function Clock({
  variant,
  attempt,
  now,
  onStart,
  onPause,
  onNext,
}: {
  variant: Variant;
  attempt: Attempt;
  now: number;
  onStart: () => void;
  onPause: () => void;
  onNext: () => void;
}) {
  const v = timerView(attempt.timer, now);
  const phase = interviewPlan[v.phaseIndex];
  return (
    <div className={`${card} flex flex-wrap items-center gap-x-6 gap-y-3`} data-clock>
      <div className="min-w-0 flex-1 basis-64">
        <p className="text-xs font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">
          {variant.title}
        </p>
        <p
          className="mt-1 text-base font-semibold text-zinc-900 dark:text-zinc-50"
          data-clock-phase
        >
          {attempt.status === 'complete'
            ? 'Finished'
            : v.status === 'finished'
              ? 'Time is up: review your attempt'
              : `${v.phaseIndex + 1}. ${phase?.title ?? ''}`}
        </p>
        <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400" data-clock-time>
          {formatClock(v.elapsedMs, 'down')} elapsed · {formatClock(v.totalRemainingMs)} left ·{' '}
          {formatClock(v.phaseRemainingMs)} left in this phase
        </p>
      </div>
      {attempt.status === 'complete' ? null : (
        <div className="flex flex-wrap gap-2">
          {v.status === 'running' ? (
            <button type="button" className={quiet} onClick={onPause} data-action="pause-clock">
              Pause clock
            </button>
          ) : (
            <button
              type="button"
              className={primary}
              onClick={onStart}
              disabled={v.status === 'finished'}
              data-action="start-clock"
            >
              {v.status === 'paused' ? 'Resume clock' : 'Start the clock'}
            </button>
          )}
          <button
            type="button"
            className={quiet}
            onClick={onNext}
            disabled={v.status === 'finished'}
            data-action="next-phase"
          >
            Next phase
          </button>
        </div>
      )}
    </div>
  );
}

function ClarifyPanel({
  variant,
  attempt,
  update,
  clarifyOver,
}: {
  variant: Variant;
  attempt: Attempt;
  update: (f: (a: Attempt) => Attempt) => void;
  clarifyOver: boolean;
}) {
  const [q, setQ] = useState('');
  const [done, setDone] = useState(false);
  const missed = missedKeyQuestions(
    attempt.questions.map((x) => x.text),
    variant.keyQuestions,
  );
  const ask = () => {
    const text = q.trim();
    if (!text) return;
    const answers = answerQuestion(text, variant.facts).map((f) => f.answer);
    update((a) => ({ ...a, questions: [...a.questions, { text, answers }] }));
    setQ('');
  };
  return (
    <section className={card} aria-labelledby="clarify-title">
      <h2 id="clarify-title" className={h2}>
        The prompt
      </h2>
      <blockquote
        className="mt-2 border-l-4 border-accent-500 pl-3 text-base text-zinc-800 dark:text-zinc-200"
        data-prompt-text
      >
        {variant.prompt}
      </blockquote>
      <form
        className="mt-4 flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          ask();
        }}
      >
        <label className="sr-only" htmlFor="clarify-question">
          Your question to the interviewer
        </label>
        <input
          id="clarify-question"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className={`${field} min-w-0 flex-1`}
          placeholder="Ask a clarifying question…"
          autoComplete="off"
          data-input="question"
        />
        <button type="submit" className={primary} data-action="ask">
          Ask
        </button>
      </form>
      <p className={`mt-2 text-xs ${muted}`}>
        This interviewer answers by simple keyword matching against the facts of the prompt; a
        question it cannot match gets no answer, not a guess.
      </p>
      <ol className="mt-4 space-y-3" data-questions>
        {attempt.questions.map((x, i) => (
          <li key={i} className="text-sm">
            <p className="font-medium text-zinc-900 dark:text-zinc-100">You: {x.text}</p>
            {x.answers.length ? (
              x.answers.map((a, j) => (
                <p key={j} className="text-zinc-700 dark:text-zinc-300" data-answer>
                  Interviewer: {a}
                </p>
              ))
            ) : (
              <p className="text-zinc-500 italic dark:text-zinc-400">
                No answer here: the interviewer has nothing to add on that.
              </p>
            )}
          </li>
        ))}
      </ol>
      {clarifyOver || done ? (
        <div className="mt-5 rounded-xl bg-zinc-50 p-3 dark:bg-zinc-950/50" data-missed>
          <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">
            {missed.length
              ? `Key questions you did not ask (${missed.length} of ${variant.keyQuestions.length})`
              : 'You asked every key question.'}
          </h3>
          <ul className="mt-2 space-y-1 text-sm">
            {missed.map((k) => (
              <li key={k.id}>
                <span className="font-medium">{k.question}</span>{' '}
                <span className={muted}>{k.why}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <a
              className="font-medium text-accent-700 underline dark:text-accent-300"
              href={withBasePath('/interview-skills/clarifying-questions/')}
            >
              The question bank, with what each answer changes
            </a>
          </p>
        </div>
      ) : (
        <button
          type="button"
          className={`${quiet} mt-4`}
          onClick={() => setDone(true)}
          data-action="done-asking"
        >
          I am done asking: show what I missed
        </button>
      )}
    </section>
  );
}

function EstimatePanel({
  variant,
  attempt,
  update,
}: {
  variant: Variant;
  attempt: Attempt;
  update: (f: (a: Attempt) => Attempt) => void;
}) {
  const submitted = attempt.estimatesSubmitted;
  return (
    <section className={card} aria-labelledby="estimate-title">
      <h2 id="estimate-title" className={h2}>
        Estimate the scale
      </h2>
      <p className={`mt-1 ${muted}`}>
        Type a figure (12000, 12k, 10 GB). Within 2× of the worked answer is good, within 10× is
        flagged, beyond is wrong.
      </p>
      <form
        className="mt-4 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          update((a) => ({ ...a, estimatesSubmitted: true }));
        }}
      >
        {variant.estimates.map((e) => {
          const entry = attempt.estimates[e.id];
          const check = entry?.value != null ? checkEstimate(entry.value, e.worked) : null;
          return (
            <div
              key={e.id}
              className="grid gap-1 sm:grid-cols-[14rem_12rem_1fr] sm:items-center"
              data-estimate={e.id}
            >
              <label
                htmlFor={`est-${e.id}`}
                className="text-sm font-medium text-zinc-800 dark:text-zinc-200"
              >
                {e.label} <span className={muted}>({e.unit})</span>
              </label>
              <input
                id={`est-${e.id}`}
                className={field}
                inputMode="decimal"
                value={entry?.text ?? ''}
                readOnly={submitted}
                onChange={(ev) => {
                  const text = ev.target.value;
                  update((a) => ({
                    ...a,
                    estimates: {
                      ...a.estimates,
                      [e.id as EstimateId]: { text, value: parseFigure(text) },
                    },
                  }));
                }}
                aria-describedby={`est-${e.id}-note`}
              />
              <p id={`est-${e.id}-note`} className="text-sm">
                {entry?.text && entry.value === null ? (
                  <span className="text-rose-700 dark:text-rose-300">
                    Not a figure: try 12000, 12k or 10 GB.
                  </span>
                ) : null}
                {submitted && check ? (
                  <span
                    className={
                      check.verdict === 'good'
                        ? 'font-semibold text-emerald-700 dark:text-emerald-300'
                        : check.verdict === 'flagged'
                          ? 'font-semibold text-amber-700 dark:text-amber-300'
                          : 'font-semibold text-rose-700 dark:text-rose-300'
                    }
                    data-verdict={check.verdict}
                  >
                    {check.verdict === 'good'
                      ? 'Good'
                      : check.verdict === 'flagged'
                        ? 'Flagged'
                        : 'Wrong'}{' '}
                    (
                    {check.ratio >= 1 ? `${check.ratio.toFixed(1)}×` : `${check.ratio.toFixed(2)}×`}{' '}
                    the worked {e.worked.toLocaleString('en-US')})
                  </span>
                ) : submitted ? (
                  <span
                    className="font-semibold text-rose-700 dark:text-rose-300"
                    data-verdict="wrong"
                  >
                    No figure given (worked: {e.worked.toLocaleString('en-US')})
                  </span>
                ) : null}
              </p>
              {submitted ? (
                <p
                  className="text-sm text-zinc-700 sm:col-span-3 dark:text-zinc-300"
                  data-derivation
                >
                  {e.derivation}
                </p>
              ) : null}
            </div>
          );
        })}
        {submitted ? null : (
          <button type="submit" className={primary} data-action="submit-estimates">
            Submit estimates
          </button>
        )}
      </form>
    </section>
  );
}

function NotesPanel({
  title,
  hint,
  value,
  onChange,
}: {
  title: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <section className={card}>
      <label htmlFor={id} className={h2}>
        {title}
      </label>
      <p className={`mt-1 ${muted}`}>Produce: {hint}.</p>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={7}
        className="mt-3 w-full rounded-lg border border-zinc-300 bg-white p-3 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
        data-notes={title}
      />
    </section>
  );
}

function Toolbar(p: {
  onAdd: (k: ComponentKind) => void;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onTidy: () => void;
  onRun: () => void;
  status: RunStatus;
  empty: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2" data-toolbar>
      <label className="inline-flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
        <span>Add</span>
        <select
          className={field}
          value=""
          onChange={(e) => {
            if (e.target.value) p.onAdd(e.target.value as ComponentKind);
          }}
          data-control="palette"
        >
          <option value="">a component…</option>
          {paletteKinds.map((k) => (
            <option key={k} value={k}>
              {componentSpecs[k].label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={quiet}
        onClick={p.onUndo}
        disabled={!p.canUndo}
        data-action="undo"
        title="Ctrl+Z"
      >
        Undo
      </button>
      <button
        type="button"
        className={quiet}
        onClick={p.onRedo}
        disabled={!p.canRedo}
        data-action="redo"
        title="Ctrl+Shift+Z"
      >
        Redo
      </button>
      <button
        type="button"
        className={quiet}
        onClick={p.onTidy}
        disabled={p.empty}
        data-action="tidy"
      >
        Tidy layout
      </button>
      <button
        type="button"
        className={`${primary} ml-auto`}
        onClick={p.onRun}
        disabled={p.empty || p.status.state === 'running'}
        data-action="run"
      >
        {p.status.state === 'running' ? 'Running…' : 'Run the design'}
      </button>
    </div>
  );
}

function Inspector(p: {
  topology: Topology;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onParam: (
    id: string,
    key: keyof ComponentParams,
    value: ComponentParams[keyof ComponentParams],
  ) => void;
  onConnect: (s: string, t: string, f: FlowKind) => void;
  onRemoveEdge: (s: string, t: string) => void;
  onRemoveNode: (id: string) => void;
}) {
  const node = p.topology.nodes.find((n) => n.id === p.selected);
  const [target, setTarget] = useState('');
  const [flow, setFlow] = useState<FlowKind>('write');
  if (!node) {
    return (
      <aside className={`${card} text-sm`} aria-label="Component details">
        <p className="font-semibold text-zinc-900 dark:text-zinc-50">No component selected</p>
        <p className={`mt-1 ${muted}`}>
          Add one with the menu above, or Tab into the canvas and press Enter on a component to edit
          its parameters and arrows.
        </p>
      </aside>
    );
  }
  const spec = componentSpecs[node.kind];
  const others = p.topology.nodes.filter((n) => n.id !== node.id);
  const edges = p.topology.edges.filter((e) => e.source === node.id || e.target === node.id);
  return (
    <aside
      className={`${card} space-y-4 text-sm`}
      aria-label={`${spec.label} ${node.id}`}
      data-inspector={node.id}
    >
      <div className="flex items-start justify-between gap-2">
        <p className="font-semibold text-zinc-900 dark:text-zinc-50">
          {spec.label}{' '}
          <span className="font-normal text-zinc-600 dark:text-zinc-400">{node.id}</span>
        </p>
        <button
          type="button"
          className={`${quiet} h-8 px-2.5`}
          onClick={() => p.onRemoveNode(node.id)}
          data-action="delete-node"
        >
          Delete
        </button>
      </div>
      {spec.params.length ? (
        <fieldset className="space-y-2">
          <legend className="font-medium text-zinc-800 dark:text-zinc-200">Parameters</legend>
          {spec.params.map((s) => {
            const id = `param-${node.id}-${s.key}`;
            const value = paramOf(node, s.key);
            return (
              <div key={s.key} className="flex items-center justify-between gap-2">
                <label htmlFor={id} className="text-zinc-700 dark:text-zinc-300">
                  {s.label}
                  {s.type === 'int' && s.unit ? ` (${s.unit})` : ''}
                </label>
                {s.type === 'int' ? (
                  <input
                    id={id}
                    type="number"
                    className={`${field} w-28`}
                    value={String(value)}
                    min={s.min}
                    max={s.max}
                    onChange={(e) =>
                      p.onParam(
                        node.id,
                        s.key,
                        e.target.value === '' ? s.min - 1 : Number(e.target.value),
                      )
                    }
                    data-param={s.key}
                  />
                ) : s.type === 'choice' ? (
                  <select
                    id={id}
                    className={field}
                    value={String(value)}
                    onChange={(e) =>
                      p.onParam(node.id, s.key, e.target.value as ComponentParams['mode'])
                    }
                    data-param={s.key}
                  >
                    {s.choices.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                ) : s.type === 'boolean' ? (
                  <input
                    id={id}
                    type="checkbox"
                    className="size-4 accent-accent-600"
                    checked={Boolean(value)}
                    onChange={(e) => p.onParam(node.id, s.key, e.target.checked)}
                    data-param={s.key}
                  />
                ) : (
                  <input
                    id={id}
                    className={`${field} w-28`}
                    value={String(value)}
                    onChange={(e) => p.onParam(node.id, s.key, e.target.value)}
                    data-param={s.key}
                  />
                )}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="font-medium text-zinc-800 dark:text-zinc-200">Arrows</legend>
        {edges.length === 0 ? (
          <p className={muted}>None yet.</p>
        ) : (
          <ul className="space-y-1">
            {edges.map((e) => (
              <li
                key={`${e.source}->${e.target}`}
                className="flex items-center justify-between gap-2"
              >
                <span>
                  {e.source} → {e.target} <span className={muted}>({e.flow})</span>
                </span>
                <button
                  type="button"
                  className="rounded px-1.5 text-xs font-semibold text-rose-700 underline focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-rose-300"
                  onClick={() => p.onRemoveEdge(e.source, e.target)}
                  aria-label={`Remove the arrow ${e.source} to ${e.target}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-end gap-2 pt-1">
          <label className="flex flex-col gap-1">
            <span className="text-xs text-zinc-600 dark:text-zinc-400">Arrow to</span>
            <select
              className={field}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              data-control="connect-target"
            >
              <option value="">choose…</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.id}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-zinc-600 dark:text-zinc-400">carrying</span>
            <select
              className={field}
              value={flow}
              onChange={(e) => setFlow(e.target.value as FlowKind)}
              data-control="connect-flow"
            >
              {(['write', 'read', 'read-write', 'replication', 'recovery'] as const).map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={quiet}
            disabled={!target}
            onClick={() => {
              p.onConnect(node.id, target, flow);
              setTarget('');
            }}
            data-action="connect"
          >
            Connect
          </button>
        </div>
      </fieldset>
    </aside>
  );
}

function GraphIssues({
  issues,
}: {
  issues: readonly {
    severity: string;
    node: string | null;
    edge: string | null;
    message: string;
  }[];
}) {
  if (issues.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm" aria-label="Problems in the design" data-issues>
      {issues.map((i, k) => (
        <li
          key={k}
          className={
            i.severity === 'error'
              ? 'text-rose-700 dark:text-rose-300'
              : 'text-amber-700 dark:text-amber-300'
          }
        >
          <strong>
            {i.node ?? 'Design'}
            {i.edge ? ` (${i.edge})` : ''}:
          </strong>{' '}
          {i.message}
        </li>
      ))}
    </ul>
  );
}

const fmtMs = (x: number) =>
  Number.isFinite(x)
    ? `${x < 10 ? x.toFixed(2) : Math.round(x).toLocaleString('en-US')} ms`
    : 'unbounded';

function RunResults({
  status,
  onRun,
  wide,
  assumptions,
}: {
  status: RunStatus;
  onRun: () => void;
  wide: boolean;
  assumptions: readonly string[];
}) {
  if (status.state === 'idle') {
    return wide ? (
      <p className={muted}>
        Run the design to see its load, its checks and its failure drills. The run happens in a
        worker: the page stays responsive.
      </p>
    ) : null;
  }
  if (status.state === 'running')
    return (
      <p className={muted} role="status">
        Running your design at full load and drilling its failures…
      </p>
    );
  if (status.state === 'failed')
    return (
      <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
        The run failed: {status.error}{' '}
        <button type="button" className="underline" onClick={onRun}>
          Try again
        </button>
      </p>
    );
  const r = status.result;
  if (!r.capacity) {
    return (
      <p role="alert" className="text-sm text-rose-700 dark:text-rose-300" data-run-refused>
        The design cannot run yet: {r.issues.find((i) => i.severity === 'error')?.message} Each
        problem is shown on its component.
      </p>
    );
  }
  return (
    <section className={`${card} space-y-4`} aria-labelledby="run-title" data-run-results>
      <h2 id="run-title" className={h2}>
        What your design does at full load
      </h2>
      <ul className="space-y-1.5 text-sm">
        {r.requirements.map((c) => (
          <li key={c.id} data-requirement={c.id} data-passed={c.passed}>
            <strong
              className={
                c.passed
                  ? 'text-emerald-700 dark:text-emerald-300'
                  : 'text-rose-700 dark:text-rose-300'
              }
            >
              {c.passed ? 'Pass' : 'Fail'}
            </strong>{' '}
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{c.title}.</span>{' '}
            <span className="text-zinc-700 dark:text-zinc-300">{c.reason}</span>
          </li>
        ))}
      </ul>
      <div
        className="overflow-x-auto"
        role="region"
        aria-label="Load on each component"
        tabIndex={0}
      >
        <table className="w-full text-left text-sm tabular-nums">
          <caption className="sr-only">
            Utilisation, latency and memory of each component at peak
          </caption>
          <thead className="text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Component
              </th>
              <th scope="col" className="px-2 font-medium">
                Busy
              </th>
              <th scope="col" className="px-2 font-medium">
                p50
              </th>
              <th scope="col" className="px-2 font-medium">
                p99
              </th>
              <th scope="col" className="px-2 font-medium">
                Backlog
              </th>
              <th scope="col" className="pl-2 font-medium">
                What
              </th>
            </tr>
          </thead>
          <tbody className="text-zinc-900 dark:text-zinc-100">
            {Object.values(r.capacity.nodes).map((n) => (
              <tr
                key={n.id}
                className={`border-t border-zinc-200 dark:border-zinc-800 ${r.capacity?.bottleneck === n.id ? 'bg-amber-50 dark:bg-amber-950/30' : ''}`}
              >
                <th scope="row" className="py-1 pr-3 font-medium">
                  {n.id}
                  {r.capacity?.bottleneck === n.id ? ' (bottleneck)' : ''}
                </th>
                <td className="px-2">{Math.round(n.utilisation * 100)}%</td>
                <td className="px-2">{fmtMs(n.p50Ms)}</td>
                <td className="px-2">{fmtMs(n.p99Ms)}</td>
                <td className="px-2">
                  {n.backlogPerSecond > 0
                    ? `+${Math.round(n.backlogPerSecond).toLocaleString('en-US')}/s`
                    : '—'}
                </td>
                <td className="pl-2 text-zinc-600 dark:text-zinc-400">{n.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h3 className="text-base font-semibold text-zinc-900 dark:text-zinc-50">
          Failure drills on your design
        </h3>
        <p className={`mt-1 ${muted}`}>
          Each drill runs on a {r.scalePlayers.toLocaleString('en-US')}-player scale model of your
          design, breaks one thing, and checks every player’s score against the clients’ own totals.
        </p>
        <ul className="mt-2 space-y-2">
          {r.drills.map((d) => (
            <li
              key={d.id}
              className="text-sm"
              data-drill-outcome={d.id}
              data-passed={d.skipped ? 'skipped' : String(d.passed)}
            >
              {d.skipped ? (
                <p>
                  <span className="font-medium">{d.title}:</span>{' '}
                  <span className={muted}>does not apply ({d.skipped}).</span>
                </p>
              ) : (
                <details>
                  <summary className="cursor-pointer">
                    <strong
                      className={
                        d.passed
                          ? 'text-emerald-700 dark:text-emerald-300'
                          : 'text-rose-700 dark:text-rose-300'
                      }
                    >
                      {d.passed ? 'Survived' : 'Failed'}
                    </strong>{' '}
                    <span className="font-medium">{d.title}</span>
                    {d.playersWrong ? (
                      <span className="text-rose-700 dark:text-rose-300">
                        {' '}
                        · {d.playersWrong} players’ scores wrong or lost
                      </span>
                    ) : null}
                  </summary>
                  <ol className="mt-1 list-decimal space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">
                    {d.narration.map((t, i) => (
                      <li key={i}>{t}</li>
                    ))}
                  </ol>
                  <p className="mt-1 text-zinc-800 dark:text-zinc-200">{d.details}</p>
                </details>
              )}
            </li>
          ))}
        </ul>
      </div>
      <details className="text-xs text-zinc-600 dark:text-zinc-400">
        <summary className="cursor-pointer">
          How these numbers are computed (run took {Math.round(status.ms)} ms in a worker)
        </summary>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {[...r.capacity.notes, ...assumptions].map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function InterviewerPanel({
  settings,
  attempt,
  asking,
  onAsk,
  onSettings,
}: {
  settings: EndpointSettings;
  attempt: Attempt;
  asking: string | null;
  onAsk: () => void;
  onSettings: (s: EndpointSettings) => void;
}) {
  const [draft, setDraft] = useState(settings);
  const ready = settings.baseUrl && settings.model;
  return (
    <section className={card} aria-labelledby="interviewer-title">
      <h2 id="interviewer-title" className={h2}>
        An interviewer who follows up (optional)
      </h2>
      {ready ? (
        <div className="mt-2 space-y-2">
          <button
            type="button"
            className={quiet}
            onClick={onAsk}
            disabled={asking === 'Asking…'}
            data-action="ask-interviewer"
          >
            Ask me a follow-up
          </button>
          {asking ? (
            <p className="text-sm text-zinc-700 dark:text-zinc-300" role="status">
              {asking}
            </p>
          ) : null}
          <ol className="space-y-1 text-sm" data-interviewer-questions>
            {attempt.interviewer.map((q, i) => (
              <li key={i}>Interviewer: {q.question}</li>
            ))}
          </ol>
        </div>
      ) : (
        <p className={`mt-1 ${muted}`}>
          Connect an OpenAI-compatible chat endpoint of your own below (for example a local model
          server) and an interviewer will ask about your design. The room works fully without it.
        </p>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium">Endpoint settings</summary>
        <form
          className="mt-2 grid gap-2 sm:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            onSettings(draft);
          }}
        >
          <label className="flex flex-col gap-1">
            <span>Base URL</span>
            <input
              className={field}
              value={draft.baseUrl}
              placeholder="http://localhost:11434/v1"
              onChange={(e) => setDraft({ ...draft, baseUrl: e.target.value })}
              data-setting="baseUrl"
            />
          </label>
          <label className="flex flex-col gap-1">
            <span>Model</span>
            <input
              className={field}
              value={draft.model}
              onChange={(e) => setDraft({ ...draft, model: e.target.value })}
              data-setting="model"
            />
          </label>
          <label className="flex flex-col gap-1">
            <span>API key (optional)</span>
            <input
              className={field}
              type="password"
              value={draft.apiKey}
              onChange={(e) => setDraft({ ...draft, apiKey: e.target.value })}
              data-setting="apiKey"
            />
          </label>
          <p className={`sm:col-span-3 text-xs ${muted}`}>
            Stored only in this browser and sent only to this endpoint.
          </p>
          <div className="sm:col-span-3">
            <button type="submit" className={quiet} data-action="save-settings">
              Save
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}

function ReviewPanel({
  variant,
  attempt,
  update,
  refStatus,
  onFinish,
  descId,
}: {
  variant: Variant;
  attempt: Attempt;
  update: (f: (a: Attempt) => Attempt) => void;
  refStatus: RunStatus;
  onFinish: () => void;
  descId: string;
}) {
  const diff = compareDesigns(attempt.design.topology, variant.reference.topology);
  const refResult = refStatus.state === 'done' ? refStatus.result : null;
  return (
    <div className="space-y-4">
      <section className={card} aria-labelledby="rubric-title">
        <h2 id="rubric-title" className={h2}>
          Score yourself
        </h2>
        <p className={`mt-1 ${muted}`}>
          The signals from{' '}
          <a className="underline" href={withBasePath('/interview-skills/what-interviewers-hear/')}>
            What interviewers listen for
          </a>
          .
        </p>
        <div className="mt-3 space-y-3">
          {rubric.map((s) => (
            <fieldset key={s.id} data-rubric={s.id}>
              <legend className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
                {s.title}
              </legend>
              <div className="mt-1 grid gap-1 sm:grid-cols-4">
                {s.levels.map((l, i) => (
                  <label
                    key={i}
                    className="flex items-start gap-2 rounded-lg border border-zinc-200 p-2 text-xs dark:border-zinc-700"
                  >
                    <input
                      type="radio"
                      name={`rubric-${s.id}`}
                      checked={attempt.rubric[s.id] === i}
                      onChange={() => update((a) => ({ ...a, rubric: { ...a.rubric, [s.id]: i } }))}
                      className="mt-0.5 accent-accent-600"
                    />
                    <span>
                      <span className="block font-semibold">{RUBRIC_LEVELS[i]}</span>
                      {l}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
        {attempt.status === 'complete' ? (
          <p
            className="mt-4 text-sm font-semibold text-emerald-700 dark:text-emerald-300"
            data-finished
          >
            Finished in {attempt.minutesUsed} minutes and saved.
          </p>
        ) : (
          <button
            type="button"
            className={`${primary} mt-4`}
            onClick={onFinish}
            data-action="finish"
          >
            Finish and save the attempt
          </button>
        )}
      </section>
      <section className={card} aria-labelledby="compare-title">
        <h2 id="compare-title" className={h2}>
          Your design beside the reference
        </h2>
        <div className="mt-3">
          <DesignCanvas
            topology={attempt.design.topology}
            positions={attempt.design.positions}
            capacity={null}
            beside={{
              topology: variant.reference.topology,
              positions: variant.reference.positions,
              capacity: refResult?.capacity ?? null,
            }}
            label="Your design and the reference design"
            descriptionId={descId}
            height="h-[26rem]"
          />
          <p id={descId} className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
            Reference, in words: {describeTopology(variant.reference.topology)}
          </p>
        </div>
        <h3 className="mt-4 text-base font-semibold text-zinc-900 dark:text-zinc-50">
          Differences
        </h3>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" data-differences>
          {diff.length ? (
            diff.map((d, i) => <li key={i}>{d.text}</li>)
          ) : (
            <li>None that matter: same components, same choices.</li>
          )}
        </ul>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          {variant.reference.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
        <h3 className="mt-4 text-base font-semibold text-zinc-900 dark:text-zinc-50">
          Results side by side
        </h3>
        <div
          className="mt-1 overflow-x-auto"
          role="region"
          aria-label="Run results of both designs"
          tabIndex={0}
        >
          <table className="w-full text-left text-sm" data-compare-results>
            <thead className="text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Check or drill
                </th>
                <th scope="col" className="px-2 font-medium">
                  Yours
                </th>
                <th scope="col" className="px-2 font-medium">
                  Reference
                </th>
              </tr>
            </thead>
            <tbody>
              {(refResult?.requirements ?? []).map((c) => {
                const mine = attempt.run?.requirements.find((r) => r.id === c.id);
                return (
                  <tr key={c.id} className="border-t border-zinc-200 dark:border-zinc-800">
                    <th scope="row" className="py-1 pr-3 font-medium">
                      {c.title}
                    </th>
                    <td className="px-2">{mine ? (mine.passed ? 'pass' : 'fail') : 'not run'}</td>
                    <td className="px-2">{c.passed ? 'pass' : 'fail'}</td>
                  </tr>
                );
              })}
              {(refResult?.drills ?? []).map((d) => {
                const mine = attempt.run?.drills.find((r) => r.id === d.id);
                return (
                  <tr key={d.id} className="border-t border-zinc-200 dark:border-zinc-800">
                    <th scope="row" className="py-1 pr-3 font-medium">
                      {d.title}
                    </th>
                    <td className="px-2">
                      {mine
                        ? mine.skipped
                          ? 'n/a'
                          : mine.passed
                            ? 'survived'
                            : 'failed'
                        : 'not run'}
                    </td>
                    <td className="px-2">{d.skipped ? 'n/a' : d.passed ? 'survived' : 'failed'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {refStatus.state === 'running' ? (
            <p className={muted} role="status">
              Running the reference design…
            </p>
          ) : null}
        </div>
      </section>
    </div>
  );
}

function AttemptActions({
  variant,
  attempt,
  onNew,
}: {
  variant: Variant;
  attempt: Attempt;
  onNew: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const prompt = useMemo(
    () => reviewPrompt(attempt, variant, rubric, ledgerFacts),
    [attempt, variant],
  );
  return (
    <section className={card} aria-labelledby="keep-title">
      <h2 id="keep-title" className={h2}>
        Keep and share
      </h2>
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          className={quiet}
          onClick={() =>
            download(
              `practice-${attempt.variantId}-${new Date(attempt.startedAt).toISOString().slice(0, 10)}.json`,
              exportAttempts([attempt], Date.now()),
              'application/json',
            )
          }
          data-action="export-json"
        >
          Export JSON
        </button>
        <button
          type="button"
          className={quiet}
          onClick={() =>
            download(
              `practice-${attempt.variantId}.md`,
              attemptMarkdown(attempt, variant, rubric),
              'text/markdown',
            )
          }
          data-action="export-markdown"
        >
          Export Markdown
        </button>
        <button type="button" className={quiet} onClick={onNew} data-action="new-attempt">
          Start another attempt
        </button>
      </div>
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium">
          Review with an AI: a prompt built from this attempt
        </summary>
        <p className={`mt-1 ${muted}`}>
          Paste it into the chat assistant you use; it carries the rubric and the guide’s figures,
          as{' '}
          <a className="underline" href={withBasePath('/ai-prep/prompts/')}>
            the AI Prep chapter
          </a>{' '}
          recommends.
        </p>
        <textarea
          readOnly
          value={prompt}
          rows={8}
          className="mt-2 w-full rounded-lg border border-zinc-300 bg-zinc-50 p-3 font-mono text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200"
          aria-label="Review prompt"
          data-review-prompt
        />
        <button
          type="button"
          className={`${quiet} mt-2`}
          onClick={() =>
            void navigator.clipboard.writeText(prompt).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            })
          }
          data-action="copy-prompt"
        >
          {copied ? 'Copied' : 'Copy the prompt'}
        </button>
      </details>
    </section>
  );
}

function SavedAttempts({
  attempts,
  current,
  onOpen,
  onDelete,
  onImport,
  note,
}: {
  attempts: Attempt[];
  current: string | null;
  onOpen: (a: Attempt) => void;
  onDelete: (a: Attempt) => void;
  onImport: (f: File) => void;
  note: { ok: boolean; text: string } | null;
}) {
  const inputId = useId();
  return (
    <section className={card} aria-labelledby="saved-title" data-saved>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="saved-title" className={h2}>
          Your attempts
        </h2>
        <div className="flex flex-wrap gap-2">
          <label htmlFor={inputId} className={`${quiet} cursor-pointer`}>
            Import JSON…
          </label>
          <input
            id={inputId}
            type="file"
            accept=".json,application/json"
            className="sr-only"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) onImport(f);
              e.target.value = '';
            }}
            data-input="import"
          />
          {attempts.length ? (
            <button
              type="button"
              className={quiet}
              onClick={() =>
                download(
                  'practice-attempts.json',
                  exportAttempts(attempts, Date.now()),
                  'application/json',
                )
              }
              data-action="export-all"
            >
              Export all
            </button>
          ) : null}
        </div>
      </div>
      {note ? (
        <p
          role={note.ok ? 'status' : 'alert'}
          className={`mt-2 text-sm ${note.ok ? 'text-emerald-700 dark:text-emerald-300' : 'text-rose-700 dark:text-rose-300'}`}
          data-import-note
        >
          {note.text}
        </p>
      ) : null}
      <p className={`mt-1 ${muted}`}>
        Kept in this browser only (IndexedDB). Export to move them to another browser.
      </p>
      {attempts.length === 0 ? (
        <p className={`mt-3 ${muted}`}>None yet.</p>
      ) : (
        <div
          className="mt-3 overflow-x-auto"
          role="region"
          aria-label="Saved attempts"
          tabIndex={0}
        >
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Date
                </th>
                <th scope="col" className="px-2 font-medium">
                  Prompt
                </th>
                <th scope="col" className="px-2 font-medium">
                  Time used
                </th>
                <th scope="col" className="px-2 font-medium">
                  Results
                </th>
                <th scope="col" className="pl-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => {
                const v = findVariant(a.variantId);
                const checks = a.run
                  ? `${a.run.requirements.filter((r) => r.passed).length}/${a.run.requirements.length} checks, ${a.run.drills.filter((d) => !d.skipped && d.passed).length}/${a.run.drills.filter((d) => !d.skipped).length} drills survived`
                  : 'not run';
                return (
                  <tr
                    key={a.id}
                    className="border-t border-zinc-200 dark:border-zinc-800"
                    data-attempt-row={a.id}
                  >
                    <td className="py-1.5 pr-3 tabular-nums">
                      {new Date(a.startedAt).toLocaleString('en-GB', {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      })}
                    </td>
                    <td className="px-2">
                      {v?.title ?? a.variantId}
                      {a.id === current ? ' (open)' : ''}
                    </td>
                    <td className="px-2 tabular-nums">
                      {a.status === 'complete'
                        ? `${a.minutesUsed} min`
                        : `${Math.floor(a.timer.accumulatedMs / 60_000)} min, in progress`}
                    </td>
                    <td className="px-2">{checks}</td>
                    <td className="space-x-2 pl-2 whitespace-nowrap">
                      <button
                        type="button"
                        className="font-medium text-accent-700 underline dark:text-accent-300"
                        onClick={() => onOpen(a)}
                      >
                        Open
                      </button>
                      <button
                        type="button"
                        className="font-medium text-rose-700 underline dark:text-rose-300"
                        onClick={() => onDelete(a)}
                        aria-label={`Delete the attempt of ${new Date(a.startedAt).toLocaleString('en-GB')}`}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
