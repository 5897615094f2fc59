import { WardenError, type ErrorDetails } from '../../src/errors';

export type TestDcErrorCode =
  | 'TEST_DC_TOOLS_MISSING'
  | 'TEST_DC_COMMAND_FAILED'
  | 'TEST_DC_COMMAND_TIMEOUT'
  | 'TEST_DC_PROVISION_FAILED'
  | 'TEST_DC_SEED_FAILED'
  | 'TEST_DC_START_FAILED'
  | 'TEST_DC_START_TIMEOUT'
  | 'TEST_DC_STOP_FAILED'
  | 'TEST_DC_NO_FREE_ADDRESS'
  | 'TEST_DC_ADDRESS_TAKEN'
  | 'TEST_DC_TEMPLATE_MISSING';

/** Failures of the test domain controller, with the folder, address or log lines needed to diagnose them. */
export class TestDcError extends WardenError {
  declare readonly code: TestDcErrorCode;

  // Narrows `code` to the test DC's codes.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(code: TestDcErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}
