import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** What a disable cannot take back: said before anyone relies on it. */
export function TicketsNote() {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Sessions already open go on</MessageBarTitle>
        Kerberos tickets issued before the disable stay valid until they expire (up to 10 hours by default). A password
        reset does not end them either; end running sessions on the hosts where it matters.
      </MessageBarBody>
    </MessageBar>
  );
}
