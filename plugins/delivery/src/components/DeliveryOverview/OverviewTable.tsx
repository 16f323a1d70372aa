import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type { DeliveryOverview } from '@gitops-delivery/backstage-plugin-delivery-common';
import { useEntityTabLink } from '../../hooks/useEntityTabLink';
import { OVERVIEW_PAGE_SIZES, shortRef } from '../../utils/overviewQuery';
import { DoraSummaryCell } from './DoraSummaryCell';
import { OverviewEnvironmentCell } from './OverviewEnvironmentCell';

/** Props of {@link OverviewTable}. */
export interface OverviewTableProps {
  overview: DeliveryOverview;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}

/**
 * One row per service, one column per environment; each service links to
 * its Delivery tab. Only the page the server returned is rendered.
 */
export function OverviewTable(props: OverviewTableProps) {
  const { overview, page, pageSize, onPage, onPageSize } = props;
  const tabOf = useEntityTabLink();
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label="Services and their environments">
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col" style={{ minWidth: 180 }}>
              Service
            </TableCell>
            <TableCell component="th" scope="col">
              Owner / system
            </TableCell>
            {overview.environments.map(env => (
              <TableCell component="th" scope="col" key={env}>
                {env}
              </TableCell>
            ))}
            <TableCell component="th" scope="col">
              DORA (production)
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {overview.rows.map(row => (
            <TableRow key={row.entityRef} data-testid="overview-row">
              <TableCell component="th" scope="row">
                <Link
                  to={tabOf(row.entityRef)}
                  aria-label={`${row.title}: open its Delivery tab`}
                >
                  {row.title}
                </Link>
              </TableCell>
              <TableCell>
                <Typography variant="body2">
                  {row.owner ? shortRef(row.owner) : 'no owner'}
                </Typography>
                <Typography variant="caption" color="textSecondary">
                  {row.system ? shortRef(row.system) : 'no system'}
                </Typography>
              </TableCell>
              {overview.environments.map(name => (
                <TableCell key={name}>
                  <OverviewEnvironmentCell
                    env={row.environments.find(e => e.name === name)}
                    service={row.title}
                  />
                </TableCell>
              ))}
              <TableCell>
                <DoraSummaryCell dora={row.dora} service={row.title} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={overview.total}
        page={page}
        rowsPerPage={pageSize}
        rowsPerPageOptions={[...OVERVIEW_PAGE_SIZES]}
        onPageChange={(_e, p) => onPage(p)}
        onRowsPerPageChange={e => onPageSize(Number(e.target.value))}
      />
    </Paper>
  );
}
