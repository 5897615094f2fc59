import type { OperationInput, OperationOutput } from '../api/contract-types';

/** The risk contract's shapes as the renderer uses them, all read off the operations. */
export type RiskOverview = OperationOutput<'getRiskOverview'>;
export type RiskSummary = RiskOverview['summary'];
export type RiskTrendPoint = RiskOverview['trend'][number];
export type Anomaly = RiskOverview['anomalies'][number];
export type PolicyOrigin = RiskOverview['policy'];

export type AccountsPage = OperationOutput<'listAssessedAccounts'>;
export type AccountRow = AccountsPage['rows'][number];
export type AccountDetail = OperationOutput<'getAccountAssessment'>;
export type AccountAssessment = AccountDetail['account'];
export type Finding = AccountAssessment['reasons'][number];
export type PrivilegedPath = AccountAssessment['privilegedPaths'][number];

export type AccountType = AccountRow['type'];
export type RiskTier = AccountRow['risk'];
export type Usage = AccountRow['usage'];
export type OwnerStatus = AccountRow['ownerStatus'];
export type HrValue = AccountRow['hr'];
export type RiskFactor = keyof AccountAssessment['factors'];

type ListInput = OperationInput<'listAssessedAccounts'>;
/** What the Inventory shows: every criterion of the listing, without the page and the order. */
export type AccountQuery = Omit<ListInput, 'snapshotId' | 'offset' | 'limit' | 'sort'>;
export type AccountSort = NonNullable<ListInput['sort']>;
export type MetadataKind = OperationInput<'setAccountMetadata'>['kind'];
