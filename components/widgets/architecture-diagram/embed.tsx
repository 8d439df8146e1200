'use client';

import type { ReactNode } from 'react';
import { DiagramLoader } from './loader';

/**
 * The diagram on its embed page: the stage and seed come from the link, which the server
 * could not know when it drew `placeholder` (the default stage's picture).
 */
export function EmbeddedDiagram({
  values,
  placeholder,
}: {
  values: Record<string, unknown>;
  placeholder: ReactNode;
}) {
  return (
    <DiagramLoader
      stage={Number(values.stage ?? 1)}
      seed={Number(values.seed ?? 7)}
      placeholder={placeholder}
    />
  );
}
