import {
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { defaultPorts, transportLabels, type Transport } from './connection-form-model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const transports: Transport[] = ['ldaps', 'starttls', 'ldap'];

interface Props {
  transport: Transport;
  plainLdapConfirmed: boolean;
  onTransportChange: (transport: Transport) => void;
  onPlainLdapConfirmedChange: (confirmed: boolean) => void;
  error: string | undefined;
}

/**
 * LDAPS by default. Plain LDAP sends the bind password in clear text, so it
 * takes a warning and a separate, explicit confirmation.
 */
export function TransportField({
  transport,
  plainLdapConfirmed,
  onTransportChange,
  onPlainLdapConfirmedChange,
  error,
}: Props) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label="Transport" validationMessage={error} validationState={error === undefined ? 'none' : 'error'}>
        <RadioGroup value={transport} onChange={(_event, data) => onTransportChange(data.value as Transport)}>
          {transports.map((value) => (
            <Radio key={value} value={value} label={`${transportLabels[value]}, port ${defaultPorts[value]}`} />
          ))}
        </RadioGroup>
      </Field>
      {transport === 'ldap' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Your password would cross the network unencrypted</MessageBarTitle>
            Plain LDAP sends the bind password and every attribute read in clear text: anyone on the network path can
            capture them. Domain controllers that require LDAP signing also refuse it. Use it only on an isolated lab
            network.
            <div>
              <Checkbox
                checked={plainLdapConfirmed}
                onChange={(_event, data) => onPlainLdapConfirmedChange(data.checked === true)}
                label="Send my password unencrypted"
                required
              />
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
