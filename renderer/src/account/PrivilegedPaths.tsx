import { Badge, Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { PrivilegedPath } from '../risk/risk-types';
import { describePath } from './describe-path';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
  },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  path: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

const TIERS = {
  critical: { color: 'danger', label: 'Critical' },
  high: { color: 'warning', label: 'High' },
  medium: { color: 'informative', label: 'Medium' },
} as const;

/** Each privileged group the account reaches, with the chain of groups that leads there. */
export function PrivilegedPaths({
  samAccountName,
  paths,
}: {
  samAccountName: string;
  paths: readonly PrivilegedPath[];
}) {
  const styles = useStyles();
  if (paths.length === 0) return <Body1>It reaches no privileged group.</Body1>;
  return (
    <ul className={styles.list} aria-label="Privileged group paths">
      {paths.map((path) => (
        <li key={path.groupGuid} className={styles.item}>
          <Badge appearance="tint" color={TIERS[path.tier].color}>
            {TIERS[path.tier].label}
          </Badge>
          <span className={styles.path} title={path.group}>
            {describePath(samAccountName, path)}
          </span>
          {path.viaPrimaryGroup && <Body1>(as its primary group)</Body1>}
        </li>
      ))}
    </ul>
  );
}
