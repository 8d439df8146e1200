import type { TopologyIssue } from '@/lib/flow';
import { bad, warn } from './styles';

/** What is wrong with the drawn design, each problem named by its component or arrow. */
export function GraphIssues({ issues }: { issues: readonly TopologyIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm" aria-label="Problems in the design" data-issues>
      {issues.map((i, k) => (
        <li key={k} className={i.severity === 'error' ? bad : warn}>
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
