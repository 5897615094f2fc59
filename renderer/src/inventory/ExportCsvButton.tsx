import { Button, Spinner } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useState, memo } from 'react';
import type { OperationInput } from '../api/contract-types';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { downloadBytes } from './download-bytes';

interface Props {
  /** The view in force: criteria, order, columns, and the saved view's name if it is one. */
  request: OperationInput<'exportAccountsCsv'>;
  onExported: (result: { fileName: string; rows: number }) => void;
  onError: (error: WardenApiError) => void;
}

/** Exports every account of the view in force (not only the rows in view) as a CSV file, written by the core. */
export const ExportCsvButton = memo(function ExportCsvButton({ request, onExported, onError }: Props) {
  const [busy, setBusy] = useState(false);
  const exportCsv = async () => {
    setBusy(true);
    try {
      const file = await call('exportAccountsCsv', request);
      downloadBytes(file.bytes, file.fileName, 'text/csv;charset=utf-8');
      onExported({ fileName: file.fileName, rows: file.rows });
    } catch (caught) {
      onError(toWardenApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={busy ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
      disabled={busy}
      onClick={() => void exportCsv()}
    >
      Export CSV
    </Button>
  );
});
