import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ClaimDecisions } from '../../../components/company/ClaimDecisions';
import { SelectField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';

const FILTERS = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
type Filter = (typeof FILTERS)[number];

/** Staff queue of claims of registered firms: the evidence, approve, or reject with a reason. */
export function StaffClaimsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: Filter = FILTERS.includes(raw as Filter) ? (raw as Filter) : 'pending';
  return (
    <>
      <PageHeader title={t('claims.pageTitle')} lead={<p>{t('claims.pageLead')}</p>} />
      <div className="app-inline-form">
        <SelectField
          label={t('claims.filter')}
          value={status}
          onChange={(e) => setParams(e.target.value === 'pending' ? {} : { status: e.target.value })}
        >
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`claims.status.${f}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ClaimDecisions params={{ status }} linkCompany />
    </>
  );
}
