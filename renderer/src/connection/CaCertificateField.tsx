import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { DocumentArrowUp20Regular } from '@fluentui/react-icons';
import { useRef, useState, type ChangeEvent } from 'react';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pem: { fontFamily: tokens.fontFamilyMonospace },
  hiddenInput: { display: 'none' },
  fileRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const pemHeader = '-----BEGIN CERTIFICATE-----';

interface Props {
  value: string;
  onChange: (pem: string) => void;
  error: string | undefined;
}

/** The CA that issued the DC's certificate, pasted or read from a .pem/.crt file (as text, never uploaded anywhere). */
export function CaCertificateField({ value, onChange, error }: Props) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileProblem, setFileProblem] = useState<string | undefined>(undefined);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    const text = await file.text();
    if (!text.includes(pemHeader)) {
      setFileProblem(
        `${file.name} is not a PEM certificate (no "${pemHeader}" line). A binary .cer file must be exported again as "Base-64 encoded X.509".`,
      );
      return;
    }
    setFileProblem(undefined);
    onChange(text);
  };

  const problem = error ?? fileProblem;
  return (
    <div className={styles.row}>
      <Field
        label="CA certificate (PEM)"
        hint="The certificate of the authority that issued the domain controller's certificate. Leave empty to rely on the authorities this computer trusts."
        validationMessage={problem}
        validationState={problem === undefined ? 'none' : 'error'}
      >
        <Textarea
          className={styles.pem}
          value={value}
          onChange={(_event, data) => onChange(data.value)}
          placeholder={`${pemHeader}\n…\n-----END CERTIFICATE-----`}
          resize="vertical"
          rows={4}
        />
      </Field>
      <div className={styles.fileRow}>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept=".pem,.crt,.cer,application/x-pem-file"
          aria-label="CA certificate file"
          onChange={(event) => void readFile(event)}
        />
        <Button icon={<DocumentArrowUp20Regular />} onClick={() => fileInput.current?.click()}>
          Load certificate from file…
        </Button>
        {value !== '' && (
          <Button appearance="subtle" onClick={() => onChange('')}>
            Clear certificate
          </Button>
        )}
      </div>
    </div>
  );
}
