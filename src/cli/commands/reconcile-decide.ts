import { MATCH_DECISION_KINDS, type MatchDecisionKind } from '../../hr/match-decisions';
import { recordMatchDecision } from '../../hr/record-match-decision';
import { EXIT, UsageError, writeJson, writeLine } from '../cli-io';
import { stringOption, type Command } from '../command';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';

const ACTIONS: readonly (MatchDecisionKind | 'withdraw')[] = [...MATCH_DECISION_KINDS, 'withdraw'];

function isAction(value: string | undefined): value is MatchDecisionKind | 'withdraw' {
  return ACTIONS.some((action) => action === value);
}

export const reconcileDecideCommand: Command = {
  words: ['reconcile', 'decide'],
  summary: 'Record a decision about an account: confirm or reject a match, mark it human or NHI',
  synopsis: '(confirm|reject|human|nhi|withdraw) --account GUID|NAME [--employee ID] --reason TEXT --db FILE [--json]',
  help: [
    "confirm                     the account is this employee's (--employee), whatever the rules say",
    "reject                      the account is not this employee's (--employee); no rule matches them again",
    "human                       a person's account, even with no one on the HR list behind it",
    'nhi                         a non-human identity, even if a rule matched someone',
    'withdraw                    withdraw the decision in force: about the match with --employee, else human/nhi',
    "--account GUID|NAME         the account's objectGUID or its sAMAccountName in the latest snapshot",
    '--employee ID               the employee ID on the HR list',
    '--reason TEXT               why: it goes into the audit log with your user name',
    ...storeHelp,
    'Decisions apply from the next "warden reconcile" on, across new scans and new HR lists.',
    'With --json: {"accountGuid", "samAccountName", "decision": {"accountGuid", "kind", "employeeId", "reason", "actor", "decidedAt"} | null}.',
  ],
  options: {
    ...storeOptions,
    account: { type: 'string' },
    employee: { type: 'string' },
    reason: { type: 'string' },
  },
  async run(values, positionals, io) {
    const [action, ...extra] = positionals;
    if (!isAction(action) || extra.length > 0) {
      throw new UsageError(`say what to decide: one of ${ACTIONS.join(', ')}`);
    }
    const account = stringOption(values, 'account');
    if (account === undefined) throw new UsageError('--account GUID|NAME is required');
    const reason = stringOption(values, 'reason');
    if (reason === undefined || reason.trim().length === 0) throw new UsageError('--reason TEXT is required');
    const employeeId = stringOption(values, 'employee');
    if ((action === 'confirm' || action === 'reject') && employeeId === undefined) {
      throw new UsageError(`${action} needs --employee ID`);
    }
    const store = await openStoreFromFlags(values, io);
    try {
      const recorded = await recordMatchDecision(store, {
        account,
        decision: action,
        reason,
        ...(employeeId === undefined ? {} : { employeeId }),
      });
      if (values['json'] === true) {
        writeJson(io.stdout, recorded);
      } else {
        const what =
          recorded.decision === null
            ? 'decision withdrawn'
            : `${recorded.decision.kind}${recorded.decision.employeeId === null ? '' : ` employee ${recorded.decision.employeeId}`}`;
        writeLine(
          io.stdout,
          `${recorded.samAccountName} (${recorded.accountGuid}): ${what}; recorded in the audit log.`,
        );
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
