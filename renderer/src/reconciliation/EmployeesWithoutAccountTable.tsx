import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Reconciliation } from './outcomes';

const STATUS_LABELS: Record<NonNullable<Reconciliation['employees'][number]['status']>, string> = {
  active: 'Active',
  leave: 'On leave',
  inactive: 'Inactive',
  terminated: 'Terminated',
  unknown: 'Unknown status',
};

/** People on the HR list that no account points at. */
export function EmployeesWithoutAccountTable({ employees }: { employees: Reconciliation['employees'] }) {
  return (
    <Table aria-label="Employees without an account" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Employee ID</TableHeaderCell>
          <TableHeaderCell>HR row</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Name</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {employees.map((employee) => (
          <TableRow key={employee.rowNumber}>
            <TableCell>{employee.employeeId ?? '—'}</TableCell>
            <TableCell>{employee.rowNumber}</TableCell>
            <TableCell>{employee.status === null ? 'No status' : STATUS_LABELS[employee.status]}</TableCell>
            <TableCell>{employee.name ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
