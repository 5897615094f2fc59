import { Button, Caption1, makeStyles, tokens, Tooltip, useId } from '@fluentui/react-components';
import { Beaker20Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalXXS },
  note: { color: tokens.colorNeutralForeground3 },
});

const unavailable = 'The demo domain is not included in this build.';

/**
 * Shown but unavailable: the demo domain ships separately. The button stays
 * focusable so keyboard users reach its explanation too; the visible note is
 * its accessible description (the tooltip repeats it for mouse users).
 */
export function DemoDomainButton() {
  const styles = useStyles();
  const noteId = useId('demo-domain-note');
  return (
    <div className={styles.root}>
      <Tooltip content={unavailable} relationship="inaccessible">
        <Button disabledFocusable icon={<Beaker20Regular />} aria-describedby={noteId}>
          Explore the demo domain
        </Button>
      </Tooltip>
      <Caption1 id={noteId} className={styles.note}>
        {unavailable}
      </Caption1>
    </div>
  );
}
