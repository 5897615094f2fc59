import {
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { WardenApiError } from '../api/warden-api-error';

const useStyles = makeStyles({
  code: {
    display: 'block',
    marginTop: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
    fontFamily: tokens.fontFamilyMonospace,
  },
  body: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
});

interface Props {
  title: string;
  error: WardenApiError;
  actions?: ReactNode;
}

/**
 * A failed call in plain words, with the core's error code underneath: the
 * message is for the administrator, the code for searching logs and docs.
 */
export function ErrorMessageBar({ title, error, actions }: Props) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-error-code={error.code}>
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error.message}
        <Caption1 className={styles.code}>Error code: {error.code}</Caption1>
      </MessageBarBody>
      {actions !== undefined && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
