/**
 * An optional interviewer over an OpenAI-compatible chat endpoint the reader connects
 * themselves (for example a local model server). The endpoint and key are the reader's and
 * stay in their browser: this module sends the request only to the URL it is given.
 */

export interface EndpointSettings {
  /** Base URL up to the API version, e.g. http://localhost:11434/v1. */
  readonly baseUrl: string;
  readonly model: string;
  /** Sent as a bearer token when set. */
  readonly apiKey: string;
}

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/**
 * The persona and the question: an interviewer in the deep-dive phase asking one follow-up
 * about the drawn design and what its run showed.
 * @returns the messages to send. O(size).
 */
export function interviewerMessages(
  prompt: string,
  design: string,
  findings: readonly string[],
  previous: readonly string[],
): ChatMessage[] {
  return [
    {
      role: 'system',
      content:
        'You are a senior engineer interviewing a candidate in a 45-minute system design interview. It is the deep-dive phase. Ask exactly one follow-up question, at most two sentences, about the weakest or least explained part of their design. Push on numbers, failure modes and trade-offs. Never give the answer and never praise.',
    },
    {
      role: 'user',
      content: [
        `The prompt: ${prompt}`,
        `Their design: ${design}`,
        findings.length ? `A simulation of it found: ${findings.join(' ')}` : '',
        previous.length ? `You already asked: ${previous.join(' | ')}. Ask something else.` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    },
  ];
}

/** Checks the settings before anything is sent. @returns a reason, or null. */
export function settingsProblem(s: EndpointSettings): string | null {
  let url: URL;
  try {
    url = new URL(s.baseUrl);
  } catch {
    return 'The endpoint is not a URL (for example http://localhost:11434/v1).';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'The endpoint must be http or https.';
  if (!s.model.trim()) return 'Name the model the endpoint serves.';
  return null;
}

/**
 * Asks the endpoint's chat completions API (non-streaming) for the interviewer's question.
 * @returns the text of the first choice; throws an Error with a readable reason otherwise.
 */
export async function askInterviewer(
  settings: EndpointSettings,
  messages: readonly ChatMessage[],
  signal?: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const problem = settingsProblem(settings);
  if (problem) throw new Error(problem);
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}),
      },
      body: JSON.stringify({ model: settings.model, messages, temperature: 0.7 }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw new Error('Cancelled.');
    throw new Error(
      `Could not reach ${url} (${error instanceof Error ? error.message : 'network error'}). Is the server running, and does it allow requests from this page (CORS)?`,
    );
  }
  if (!response.ok) {
    throw new Error(`The endpoint answered ${response.status} ${response.statusText}.`);
  }
  const body = (await response.json().catch(() => null)) as {
    choices?: { message?: { content?: unknown } }[];
  } | null;
  const text = body?.choices?.[0]?.message?.content;
  if (typeof text !== 'string' || !text.trim())
    throw new Error('The endpoint answered without a message.');
  return text.trim();
}
