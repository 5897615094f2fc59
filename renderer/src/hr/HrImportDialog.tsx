import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { HrFilePicker } from './HrFilePicker';
import { HrImportResultView } from './HrImportResultView';
import { HrMappingForm } from './HrMappingForm';
import { HrPreviewTable } from './HrPreviewTable';
import { HrSheetPicker } from './HrSheetPicker';
import { useHrImport, type HrImportState } from './use-hr-import';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: 'calc(100vw - 48px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

function titleFor(state: HrImportState): string {
  switch (state.step) {
    case 'choose':
    case 'reading':
      return 'Import an HR employee list';
    case 'preview':
      return `Check the columns of ${state.file.name}`;
    case 'importing':
      return `Importing ${state.file.name}`;
    case 'imported':
      return `${state.result.fileName} imported`;
    case 'failed':
      return `${state.fileName} was not imported`;
  }
}

function describeFile(state: Extract<HrImportState, { step: 'preview' }>): string {
  const { preview } = state;
  const parts = [preview.format.toUpperCase()];
  if (preview.encoding !== undefined) parts.push(preview.encoding);
  if (preview.delimiter !== undefined)
    parts.push(`separated by “${preview.delimiter === '\t' ? 'tab' : preview.delimiter}”`);
  parts.push(`header on row ${preview.headerRow}`);
  if (preview.saved !== null) parts.push('columns as saved for this file name');
  return parts.join(' · ');
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** A list was imported: whatever reads the current list should read it again. */
  onImported: () => void;
}

/** From a file to the current HR list: pick, check the columns on the first rows, import, see what was skipped. */
export function HrImportDialog({ open, onClose, onImported }: Props) {
  const styles = useStyles();
  const wizard = useHrImport(onImported);
  const { state } = wizard;
  const busy = state.step === 'reading' || state.step === 'importing';
  const close = () => {
    wizard.restart();
    onClose();
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => !data.open && !busy && close()} modalType="alert">
      <DialogSurface className={styles.surface} aria-live="polite">
        <DialogBody>
          <DialogTitle>{titleFor(state)}</DialogTitle>
          <DialogContent className={styles.content}>
            {(state.step === 'choose' || state.step === 'reading') && (
              <>
                <HrFilePicker reading={state.step === 'reading' ? state.fileName : undefined} onPick={wizard.choose} />
                {state.step === 'choose' && state.error !== undefined && (
                  <ErrorMessageBar title="The file cannot be imported" error={state.error} />
                )}
              </>
            )}
            {state.step === 'preview' && (
              <>
                <Caption1 className={styles.muted}>{describeFile(state)}</Caption1>
                {state.preview.format === 'xlsx' && (
                  <HrSheetPicker
                    key={state.preview.sheet}
                    sheet={state.preview.sheet}
                    sheets={state.preview.sheets}
                    disabled={state.refreshing}
                    onChoose={wizard.chooseSheet}
                  />
                )}
                <HrMappingForm
                  header={state.preview.header}
                  mapping={state.mapping}
                  disabled={state.refreshing}
                  onRemap={wizard.remap}
                  onDateFormat={wizard.setDateFormat}
                />
                {state.error !== undefined && (
                  <ErrorMessageBar title="The file cannot be read this way" error={state.error} />
                )}
                {state.error === undefined && state.preview.problem !== null && (
                  <ErrorMessageBar
                    title="These columns are not enough to import the file"
                    error={new WardenApiError(state.preview.problem)}
                  />
                )}
                <HrPreviewTable preview={state.preview} mapping={state.mapping} />
              </>
            )}
            {state.step === 'importing' && <Spinner label={`Importing ${state.file.name}…`} />}
            {state.step === 'imported' && <HrImportResultView result={state.result} />}
            {state.step === 'failed' && (
              <ErrorMessageBar title="Nothing was imported; the previous HR list stays current." error={state.error} />
            )}
          </DialogContent>
          <DialogActions>
            {(state.step === 'preview' || state.step === 'failed') && (
              <Button onClick={wizard.restart}>Choose another file</Button>
            )}
            {state.step === 'preview' && (
              <Button
                appearance="primary"
                disabled={state.refreshing || state.error !== undefined || state.preview.problem !== null}
                onClick={() => void wizard.startImport()}
              >
                Import
              </Button>
            )}
            <Button appearance={state.step === 'imported' ? 'primary' : 'secondary'} disabled={busy} onClick={close}>
              {state.step === 'imported' ? 'Done' : 'Cancel'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
