import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, fontFamily: tokens.fontFamilyMonospace },
});

/** Each problem the core found in a policy, its place in the JSON first ("risk.thresholds.high: …"). */
export function PolicyProblems({ problems }: { problems: readonly string[] }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <ul className={styles.list} aria-label="Problems in the policy">
      {problems.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  );
}
