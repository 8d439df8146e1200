'use client';

import { createContext, useContext } from 'react';

/**
 * The parsed parameters of an embed link, for a widget with its own loader (one rendered by
 * its manifest `render`, such as the architecture diagram), which the embed page cannot
 * hand them as props: the server drew it from the defaults. Outside an embed it is empty.
 * Kept in a module of its own, so a loader that reads it costs a chapter page a few bytes.
 */
export const EmbedValues = createContext<Readonly<Record<string, unknown>>>({});

export const useEmbedValues = () => useContext(EmbedValues);
