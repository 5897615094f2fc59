import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';

interface Props {
  /** The bind about to happen; undefined keeps the dialog closed. */
  bind: { host: string; bindName: string } | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The second confirmation plain LDAP takes before every password bind. It is
 * asked each time and never remembered: allowing plain LDAP in the profile is
 * the first "yes", this is the one for the password about to leave.
 */
export function PlainTextBindDialog({ bind, onConfirm, onCancel }: Props) {
  return (
    <Dialog open={bind !== undefined} onOpenChange={(_event, data) => !data.open && onCancel()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Send the password in clear text?</DialogTitle>
          <DialogContent>
            The password of {bind?.bindName} will cross the network to {bind?.host} in clear text, over plain LDAP:
            anyone on the network path can read it. Continue only on an isolated network you trust.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              Send in clear text
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
