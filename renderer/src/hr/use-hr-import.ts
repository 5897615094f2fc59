import { useCallback, useRef, useState } from 'react';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import {
  completeMapping,
  type DateFormat,
  type HrField,
  type HrImportResult,
  type HrMapping,
  type HrPreview,
} from './hr-fields';

/** The sandboxed renderer has no paths: the core gets the file's name and bytes. */
export interface HrFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export type HrImportState =
  | { step: 'choose'; error: WardenApiError | undefined }
  | { step: 'reading'; fileName: string }
  | {
      step: 'preview';
      file: HrFile;
      preview: HrPreview;
      mapping: HrMapping;
      /** A later preview (another mapping or sheet) is on its way. */
      refreshing: boolean;
      error: WardenApiError | undefined;
    }
  | { step: 'importing'; file: HrFile; preview: HrPreview; mapping: HrMapping }
  | { step: 'imported'; result: HrImportResult }
  | { step: 'failed'; fileName: string; error: WardenApiError };

type PreviewState = Extract<HrImportState, { step: 'preview' }>;

const PREVIEW_ROWS = 8;

/**
 * The import wizard's steps: pick a file, check the columns on a preview
 * (every change of mapping or sheet asks the core again, so what it would
 * refuse shows before importing), import, and see what was skipped.
 */
export function useHrImport(onImported: () => void) {
  const [state, setState] = useState<HrImportState>({ step: 'choose', error: undefined });
  // Only the latest preview may land: a slow answer for an older mapping is dropped.
  const generation = useRef(0);

  const choose = useCallback(async (picked: File) => {
    const current = ++generation.current;
    setState({ step: 'reading', fileName: picked.name });
    try {
      const file = { name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) };
      const preview = await call('previewHrFile', { fileName: file.name, bytes: file.bytes, rows: PREVIEW_ROWS });
      if (current !== generation.current) return;
      setState({
        step: 'preview',
        file,
        preview,
        mapping: completeMapping(preview),
        refreshing: false,
        error: undefined,
      });
    } catch (caught) {
      if (current === generation.current) setState({ step: 'choose', error: toWardenApiError(caught) });
    }
  }, []);

  /** Asks for the preview again; without a mapping, the columns are detected afresh (another sheet). */
  const repreview = useCallback(
    async (from: PreviewState, mapping: HrMapping | undefined, sheet: string | undefined) => {
      const current = ++generation.current;
      setState({ ...from, mapping: mapping ?? from.mapping, refreshing: true });
      try {
        const preview = await call('previewHrFile', {
          fileName: from.file.name,
          bytes: from.file.bytes,
          rows: PREVIEW_ROWS,
          ...(mapping === undefined ? {} : { mapping }),
          ...(sheet === undefined ? {} : { sheet }),
        });
        if (current !== generation.current) return;
        setState({
          ...from,
          preview,
          mapping: mapping ?? completeMapping(preview),
          refreshing: false,
          error: undefined,
        });
      } catch (caught) {
        if (current !== generation.current) return;
        setState({ ...from, mapping: mapping ?? from.mapping, refreshing: false, error: toWardenApiError(caught) });
      }
    },
    [],
  );

  const remap = useCallback(
    (field: HrField, column: string | null) => {
      if (state.step !== 'preview') return;
      void repreview(state, { ...state.mapping, [field]: column }, state.preview.sheet);
    },
    [state, repreview],
  );

  const setDateFormat = useCallback(
    (dateFormat: DateFormat) => {
      if (state.step !== 'preview') return;
      void repreview(state, { ...state.mapping, dateFormat }, state.preview.sheet);
    },
    [state, repreview],
  );

  const chooseSheet = useCallback(
    (sheet: string) => {
      if (state.step === 'preview') void repreview(state, undefined, sheet);
    },
    [state, repreview],
  );

  const startImport = useCallback(async () => {
    if (state.step !== 'preview') return;
    const { file, preview, mapping } = state;
    ++generation.current;
    setState({ step: 'importing', file, preview, mapping });
    try {
      const result = await call('importHrFile', {
        fileName: file.name,
        bytes: file.bytes,
        mapping,
        ...(preview.sheet === undefined ? {} : { sheet: preview.sheet }),
      });
      setState({ step: 'imported', result });
      onImported();
    } catch (caught) {
      setState({ step: 'failed', fileName: file.name, error: toWardenApiError(caught) });
    }
  }, [state, onImported]);

  const restart = useCallback(() => {
    ++generation.current;
    setState({ step: 'choose', error: undefined });
  }, []);

  return { state, choose, remap, setDateFormat, chooseSheet, startImport, restart };
}
