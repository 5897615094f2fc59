import { TIER_LABELS, valuesOf } from '../risk/labels';
import type { RiskTrendPoint } from '../risk/risk-types';

const TIERS = valuesOf(TIER_LABELS);

/** The trend's numbers for screen readers: one row per snapshot. */
export function TrendTable({ trend }: { trend: readonly RiskTrendPoint[] }) {
  return (
    // The wrapper hides it: a table grows to fit its cells whatever width it is given.
    <div className="visually-hidden">
      <table aria-label="Risk over time, by snapshot">
        <thead>
          <tr>
            <th scope="col">Snapshot</th>
            {TIERS.map((tier) => (
              <th key={tier} scope="col">
                {TIER_LABELS[tier]}
              </th>
            ))}
            <th scope="col">Non-human</th>
            <th scope="col">Orphaned</th>
            <th scope="col">Enabled accounts</th>
            <th scope="col">Active employees</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((point) => (
            <tr key={point.snapshotId}>
              <th scope="row">{new Date(point.snapshotStartedAt).toLocaleString()}</th>
              {TIERS.map((tier) => (
                <td key={tier}>{point.byTier[tier]}</td>
              ))}
              <td>{point.nhi}</td>
              <td>{point.orphaned}</td>
              <td>{point.enabledAccounts}</td>
              <td>{point.activeEmployees ?? 'no HR list'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
