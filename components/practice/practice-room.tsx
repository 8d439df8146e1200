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
import { findVariant, practiceVariants } from '@/content/practice/prompts';
import { rubric } from '@/content/practice/rubric';
import { compileTopology } from '@/lib/flow';
import {
  minutesUsed,
  newAttempt,
  progressSummary,
  summariseRun,
  type Attempt,
} from '@/lib/practice/attempt';
import {
  interviewPlan,
  pause,
  skipToNextPhase,
  start,
  timerView,
  type TimerState,
} from '@/lib/practice/interview-plan';
import { inForce } from '@/lib/practice/variant';
import { recordPracticeAttempt } from '@/components/progress/browser-store';
import { useWorker } from '@/components/widgets/use-worker';
import { AttemptActions } from './attempt-actions';
import { ClarifyPanel } from './clarify-panel';
import { DesignWorkspace } from './design-workspace';
import { EstimatePanel } from './estimate-panel';
import { InterviewClock } from './interview-clock';
import { InterviewerPanel } from './interviewer-panel';
import { NotesPanel } from './notes-panel';
import { PhaseTabs, phaseTab, type TabId } from './phase-tabs';
import { PromptPicker } from './prompt-picker';
import { ReviewPanel } from './review-panel';
import { RunResults } from './run-results';
import { SavedAttempts } from './saved-attempts';
import { muted } from './styles';
import { useAttempts } from './use-attempts';
import { useDesignEditor } from './use-design-editor';
import { useDesignRun } from './use-run';

function subscribeWide(onChange: () => void) {
  const q = window.matchMedia('(min-width: 768px)');
  q.addEventListener('change', onChange);
  return () => q.removeEventListener('change', onChange);
}
const wideNow = () => window.matchMedia('(min-width: 768px)').matches;

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `a${Date.now()}${Math.random()}`;

const produce = (id: string) => interviewPlan.find((p) => p.id === id)?.produce ?? '';

/**
 * The practice room: pick a prompt, run the 45-minute clock, clarify, estimate, draw a design
 * and run it, drill its failures, review it against a reference, and keep the attempt.
 * This component composes the panels and owns what they share: the open attempt, the clock's
 * phase, and the two runs (the candidate's design and the reference).
 */
export function PracticeRoom() {
  const uid = useId().replace(/:/g, '');
  const wide = useSyncExternalStore(subscribeWide, wideNow, () => true);
  const [choice, setChoice] = useState(practiceVariants[0]?.id ?? '');
  const [tab, setTab] = useState<TabId>('clarify');
  const [now, setNow] = useState(() => Date.now());
  const [announce, setAnnounce] = useState('');
  /** The phase the room last followed; null until the clock first runs in this visit. */
  const lastPhase = useRef<number | null>(null);

  const onRestore = useCallback((open: Attempt) => {
    const phase = timerView(open.timer, Date.now()).phaseIndex;
    lastPhase.current = phase;
    setTab(phaseTab(phase));
  }, []);
  const store = useAttempts(onRestore);
  const { attempt, update } = store;
  const variant = attempt ? findVariant(attempt.variantId) : undefined;
  const editor = useDesignEditor(attempt?.design, update);

  /** The worker starts when a tab that runs designs first opens, and stays for the visit. */
  const [workerWanted, setWorkerWanted] = useState(false);
  if (!workerWanted && attempt && (tab === 'design' || tab === 'deep-dive' || tab === 'review')) {
    setWorkerWanted(true);
  }
  const practiceWorker = useWorker('practice', workerWanted);
  const mine = useDesignRun(practiceWorker);
  const reference = useDesignRun(practiceWorker);

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
    (t: number, timer: TimerState | undefined = attemptRef.current?.timer) => {
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
          setTab(phaseTab(tv.phaseIndex));
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

  const open = (a: Attempt | null, openTab: TabId = 'clarify') => {
    lastPhase.current = null;
    store.open(a);
    setTab(openTab);
    editor.reset();
  };
  const startAttempt = () => {
    const v = findVariant(choice);
    if (v) open(newAttempt(v, newId(), Date.now()));
  };

  const design = attempt?.design;
  const compiled = useMemo(() => (design ? compileTopology(design.topology) : null), [design]);

  // What is in force now: the load and checks, with the requirement change once announced.
  const forceNow = useMemo(() => {
    if (!variant || !attempt) return null;
    const minute = attempt.changeAnnounced
      ? variant.change.minute
      : timerView(attempt.timer, now).elapsedMs / 60_000;
    return inForce(variant, minute);
  }, [variant, attempt, now]);
  const runDesign = () => {
    if (!attempt || !forceNow) return;
    mine.run(
      {
        topology: attempt.design.topology,
        load: forceNow.load,
        requirements: forceNow.requirements,
        costs: practiceCosts,
        seed: 7,
      },
      (result) => update((a) => ({ ...a, run: summariseRun(result, Date.now()) })),
    );
  };
  const runReference = reference.run;
  const refIdle = reference.status.kind === 'idle';
  useEffect(() => {
    if (tab !== 'review' || !variant || !forceNow || !practiceWorker || !refIdle) return;
    runReference({
      topology: variant.reference.topology,
      load: forceNow.load,
      requirements: forceNow.requirements,
      costs: practiceCosts,
      seed: 7,
    });
  }, [tab, variant, forceNow, refIdle, practiceWorker, runReference]);

  const finish = () => {
    if (!attempt || !variant) return;
    const t = Date.now();
    const used = minutesUsed(attempt.timer, t);
    update((a) => ({ ...a, status: 'complete', timer: pause(a.timer, t), minutesUsed: used }));
    // The summary goes to the reader's progress (the full attempt stays in IndexedDB).
    recordPracticeAttempt(progressSummary(attempt, variant, t, rubric.length));
    setAnnounce('Attempt finished and saved.');
  };

  if (!store.loaded) {
    return (
      <p className={`${muted} py-10`} role="status">
        Opening your saved attempts…
      </p>
    );
  }

  const setNotes = (key: keyof Attempt['notes']) => (value: string) =>
    update((a) => ({ ...a, notes: { ...a.notes, [key]: value } }));
  const myResult = mine.status.kind === 'ready' ? mine.status.value.result : null;

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
          <InterviewClock
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
          <PhaseTabs idBase={uid} current={tab} onChoose={setTab} />
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
                clarifyOver={(view?.elapsedMs ?? 0) >= (interviewPlan[0]?.minutes ?? 5) * 60_000}
              />
            ) : tab === 'estimate' ? (
              <EstimatePanel variant={variant} attempt={attempt} update={update} />
            ) : tab === 'api' ? (
              <NotesPanel
                title="API and data model"
                hint={produce('api')}
                value={attempt.notes.api}
                onChange={setNotes('api')}
              />
            ) : tab === 'wrap-up' ? (
              <NotesPanel
                title="Wrap-up"
                hint={produce('wrap-up')}
                value={attempt.notes.wrapUp}
                onChange={setNotes('wrapUp')}
              />
            ) : tab === 'design' || tab === 'deep-dive' ? (
              <>
                <DesignWorkspace
                  design={attempt.design}
                  editor={editor}
                  issues={compiled?.issues ?? []}
                  capacity={myResult?.capacity ?? null}
                  wide={wide}
                  descId={`${uid}-design-text`}
                  onRun={runDesign}
                  running={mine.status.kind === 'loading'}
                  ready={practiceWorker !== null}
                />
                <RunResults
                  status={mine.status}
                  onRun={runDesign}
                  wide={wide}
                  assumptions={costAssumptions}
                />
                {tab === 'deep-dive' ? (
                  <>
                    <NotesPanel
                      title="Deep dives"
                      hint={produce('deep-dive')}
                      value={attempt.notes.deepDive}
                      onChange={setNotes('deepDive')}
                    />
                    <InterviewerPanel variant={variant} attempt={attempt} update={update} />
                  </>
                ) : null}
              </>
            ) : (
              <ReviewPanel
                variant={variant}
                attempt={attempt}
                update={update}
                refStatus={reference.status}
                onFinish={finish}
                descId={`${uid}-review-text`}
              />
            )}
          </div>
          <AttemptActions variant={variant} attempt={attempt} onNew={() => open(null)} />
        </section>
      )}

      <SavedAttempts
        attempts={store.attempts}
        current={attempt?.id ?? null}
        onOpen={(a) => open(a, a.status === 'complete' ? 'review' : 'clarify')}
        onDelete={(a) => void store.remove(a)}
        onImport={(f) => void store.importFile(f)}
        note={store.note}
      />
    </div>
  );
}
