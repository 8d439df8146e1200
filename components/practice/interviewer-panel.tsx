'use client';

import { useState } from 'react';

import {
  askInterviewer,
  interviewerMessages,
  type EndpointSettings,
} from '@/lib/practice/interviewer';
import { describeTopology } from '@/lib/practice/review';

import { field, muted, quiet } from './styles';
import type { AttemptPanelProps } from './panel-props';
import { Panel } from './panel';

const SETTINGS_KEY = 'leaderboard-lab:practice-interviewer:v1';

/** The endpoint settings this browser kept, or empty ones (the room works without them). */
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
 * Deep dives: an optional interviewer on the reader's own chat endpoint asks follow-ups about
 * the drawn design and the checks its last run failed. The endpoint and key stay in this
 * browser's localStorage and are sent only to that endpoint.
 */
export function InterviewerPanel({ variant, attempt, update }: AttemptPanelProps) {
  const [settings, setSettings] = useState<EndpointSettings>(loadSettings);
  const [asking, setAsking] = useState<string | null>(null);
  const onSettings = (s: EndpointSettings) => {
    setSettings(s);
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
  };
  const onAsk = async () => {
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
  const [draft, setDraft] = useState(settings);
  const ready = settings.baseUrl && settings.model;
  return (
    <Panel id="interviewer-title" title="An interviewer who follows up (optional)">
      {ready ? (
        <div className="mt-2 space-y-2">
          <button
            type="button"
            className={quiet}
            onClick={() => void onAsk()}
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
    </Panel>
  );
}
