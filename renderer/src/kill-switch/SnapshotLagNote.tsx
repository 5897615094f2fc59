import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** Why the Inventory still shows the accounts as they were: a snapshot is what the last scan read. */
export function SnapshotLagNote() {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        The Inventory and the Dashboard show the latest snapshot, read before this change: use Scan changes on the
        Dashboard to see these accounts as they are now. The audit log already holds each account&apos;s state before
        and after.
      </MessageBarBody>
    </MessageBar>
  );
}
