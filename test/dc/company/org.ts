/** What the fake company does: departments, the applications its service accounts run, and its automation. */

export interface Department {
  name: string;
  weight: number;
  titles: readonly string[];
}

export const DEPARTMENTS: readonly Department[] = [
  {
    name: 'Engineering',
    weight: 22,
    titles: [
      'Software Engineer',
      'Senior Software Engineer',
      'Staff Engineer',
      'Engineering Manager',
      'QA Engineer',
      'Site Reliability Engineer',
    ],
  },
  {
    name: 'Sales',
    weight: 16,
    titles: ['Account Executive', 'Sales Development Representative', 'Regional Sales Manager', 'Sales Engineer'],
  },
  {
    name: 'Support',
    weight: 12,
    titles: ['Support Specialist', 'Senior Support Specialist', 'Support Team Lead', 'Escalation Engineer'],
  },
  {
    name: 'Operations',
    weight: 10,
    titles: ['Operations Analyst', 'Logistics Coordinator', 'Operations Manager', 'Facilities Coordinator'],
  },
  {
    name: 'Finance',
    weight: 8,
    titles: ['Accountant', 'Financial Analyst', 'Controller', 'Accounts Payable Clerk', 'Payroll Specialist'],
  },
  {
    name: 'Marketing',
    weight: 8,
    titles: ['Marketing Specialist', 'Content Writer', 'Product Marketing Manager', 'Designer'],
  },
  {
    name: 'IT',
    weight: 8,
    titles: ['Systems Administrator', 'Service Desk Analyst', 'Network Engineer', 'IT Manager', 'Security Analyst'],
  },
  {
    name: 'Human Resources',
    weight: 5,
    titles: ['HR Business Partner', 'Recruiter', 'HR Generalist', 'Compensation Analyst'],
  },
  { name: 'Legal', weight: 3, titles: ['Legal Counsel', 'Paralegal', 'Compliance Officer'] },
  { name: 'Procurement', weight: 4, titles: ['Buyer', 'Procurement Specialist', 'Vendor Manager'] },
  {
    name: 'Executive',
    weight: 1,
    titles: ['Chief Financial Officer', 'Chief Operating Officer', 'Vice President', 'Chief of Staff'],
  },
  { name: 'Research', weight: 3, titles: ['Research Scientist', 'Data Scientist', 'Research Engineer'] },
];

export interface Application {
  /** Short name used in account names. */
  key: string;
  label: string;
  /** SPN service class and host, when the application is Kerberos-enabled. */
  spn?: { serviceClass: string; host: string; port?: number };
}

export const APPLICATIONS: readonly Application[] = [
  { key: 'sql', label: 'SQL Server', spn: { serviceClass: 'MSSQLSvc', host: 'sql01', port: 1433 } },
  { key: 'sqlrpt', label: 'SQL Reporting Services', spn: { serviceClass: 'HTTP', host: 'reports' } },
  { key: 'erp', label: 'ERP (Dynamics)', spn: { serviceClass: 'HTTP', host: 'erp' } },
  { key: 'crm', label: 'CRM', spn: { serviceClass: 'HTTP', host: 'crm' } },
  { key: 'sharepoint', label: 'SharePoint farm', spn: { serviceClass: 'HTTP', host: 'sharepoint' } },
  { key: 'exchange', label: 'Exchange hybrid', spn: { serviceClass: 'exchangeMDB', host: 'mail01' } },
  { key: 'backup', label: 'Backup (Veeam)' },
  { key: 'av', label: 'Antivirus management console' },
  { key: 'scom', label: 'Operations Manager', spn: { serviceClass: 'MSOMSdkSvc', host: 'scom01' } },
  { key: 'sccm', label: 'Configuration Manager', spn: { serviceClass: 'HTTP', host: 'sccm01' } },
  { key: 'jenkins', label: 'Jenkins build server', spn: { serviceClass: 'HTTP', host: 'ci' } },
  { key: 'jira', label: 'Jira', spn: { serviceClass: 'HTTP', host: 'jira' } },
  { key: 'confluence', label: 'Confluence', spn: { serviceClass: 'HTTP', host: 'wiki' } },
  { key: 'sap', label: 'SAP connector', spn: { serviceClass: 'SAP', host: 'sap01' } },
  { key: 'oracle', label: 'Oracle database', spn: { serviceClass: 'oracle', host: 'ora01', port: 1521 } },
  { key: 'iis', label: 'IIS application pool', spn: { serviceClass: 'HTTP', host: 'apps' } },
  { key: 'adfs', label: 'AD FS', spn: { serviceClass: 'HTTP', host: 'sts' } },
  { key: 'print', label: 'Print server' },
  { key: 'scan', label: 'Scan to folder (multifunction printers)' },
  { key: 'ftp', label: 'File transfer gateway' },
  { key: 'payroll', label: 'Payroll interface' },
  { key: 'hrsync', label: 'HR system synchronisation' },
  { key: 'monitor', label: 'Monitoring (Zabbix)' },
  { key: 'vpn', label: 'VPN RADIUS lookups' },
  { key: 'ldapbind', label: 'Application LDAP lookups' },
  { key: 'citrix', label: 'Citrix delivery controller', spn: { serviceClass: 'HTTP', host: 'citrix' } },
  { key: 'tableau', label: 'Tableau server', spn: { serviceClass: 'HTTP', host: 'bi' } },
  { key: 'kafka', label: 'Kafka brokers', spn: { serviceClass: 'kafka', host: 'kafka01' } },
];

export const ENVIRONMENTS = ['prod', 'test', 'dev', 'uat'] as const;

/** Scripted automation without a language model. */
export const BOT_PURPOSES: readonly { key: string; description: string }[] = [
  { key: 'invoice', description: 'RPA bot for invoice processing (UiPath)' },
  { key: 'onboarding', description: 'Automation account for new starter onboarding' },
  { key: 'reports', description: 'Scheduled report mailer' },
  { key: 'teams', description: 'Teams notification bot' },
  { key: 'deploy', description: 'Deployment pipeline bot' },
  { key: 'backup-check', description: 'Checks nightly backup jobs and raises tickets' },
  { key: 'pwreset', description: 'Self-service password reset bot' },
  { key: 'inventory', description: 'Asset inventory collector' },
  { key: 'sync', description: 'File share synchronisation robot' },
  { key: 'timesheet', description: 'Timesheet reminder bot' },
];

/** Agents built on language models; the descriptions are how administrators describe them. */
export const AI_AGENT_PURPOSES: readonly { key: string; description: string }[] = [
  { key: 'summariser', description: 'LLM summariser for support tickets' },
  { key: 'triage', description: 'GPT ticket triage agent' },
  { key: 'copilot', description: 'Copilot connector for SharePoint search' },
  { key: 'chat', description: 'Internal chatbot backed by a large language model' },
  { key: 'kb', description: 'Retrieval agent that answers from the knowledge base (LLM)' },
  { key: 'code-review', description: 'AI code review agent for pull requests' },
  { key: 'meeting-notes', description: 'Generative AI meeting notes writer' },
  { key: 'contract', description: 'LLM agent that extracts clauses from contracts' },
  { key: 'hr-faq', description: 'HR policy question answering agent (GPT-4)' },
  { key: 'sales-email', description: 'Drafts sales follow-up emails with an LLM' },
];

/** Names that say nothing about automation: only the description gives these agents away. */
export const UNHINTED_NAMES: readonly string[] = [
  'atlas',
  'hermes',
  'juno',
  'orion',
  'nova',
  'vega',
  'lyra',
  'selene',
  'castor',
  'rhea',
  'triton',
  'iris',
  'helios',
  'clio',
  'pallas',
  'phoebe',
  'echo',
  'titan',
  'aurora',
  'zephyr',
];

export const CONTRACTOR_VENDORS: readonly string[] = [
  'Acme Consulting',
  'Northwind Services',
  'Contoso Staffing',
  'Fabrikam Partners',
  'Globex IT',
];
