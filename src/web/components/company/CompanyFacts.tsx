import { useTranslation } from 'react-i18next';
import type { Company } from '../../../server/modules/companies/contract';
import { currentLang } from '../../i18n';
import {
  brn,
  district,
  formatDate,
  formatDateTime,
  formatKrw,
  formatKrwCompact,
  formatNumber,
  ksic,
} from '../../lib/format';
import { Badge } from '../Badge';
import { FieldRows, type Row } from '../FieldRows';

/** Every field of a company record, labelled and formatted. */
export function CompanyFacts({ company: c, withMeta }: { company: Company; withMeta?: boolean }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const flags = [c.isMicro && t('fields.isMicro'), c.isStartup && t('fields.isStartup')]
    .filter(Boolean)
    .join(', ');
  const rows: Row[] = [
    { label: t('fields.brn'), value: brn(c.brn) },
    { label: t('fields.companyName'), value: c.name },
    { label: t('fields.representative'), value: c.representative },
    { label: t('fields.crn'), value: c.crn },
    { label: t('fields.foundedOn'), value: formatDate(c.foundedOn, lang) },
    { label: t('fields.sizeClass'), value: c.sizeClass ? t(`enums.sizeClass.${c.sizeClass}`) : '' },
    { label: t('fields.flags'), value: flags },
    { label: t('fields.ksicCode'), value: c.ksicCode ? `${ksic(c.ksicCode, lang)} (${c.ksicCode})` : '' },
    {
      label: t('fields.employees'),
      value: c.employees !== null ? t('common.persons', { n: formatNumber(c.employees, lang) }) : '',
    },
    {
      label: t('fields.revenue'),
      value: c.revenue !== null ? `${formatKrwCompact(c.revenue, lang)} (${formatKrw(c.revenue, lang)})` : '',
    },
    { label: t('fields.address'), value: c.address },
    { label: t('fields.district'), value: district(c.district, lang) },
    {
      label: t('fields.homepage'),
      value: c.homepage ? (
        <a href={c.homepage} className="app-link" target="_blank" rel="noreferrer noopener">
          {c.homepage}
          <span className="sr-only"> ({t('common.newWindow')})</span>
        </a>
      ) : (
        ''
      ),
    },
    { label: t('fields.companyPhone'), value: c.phone },
    { label: t('fields.companyEmail'), value: c.email },
    {
      label: t('fields.dxInterests'),
      value: c.dxInterests.map((d) => t(`enums.dxInterest.${d}`)).join(', '),
    },
    {
      label: t('fields.tags'),
      value: c.tags.length ? (
        <span className="app-badges">
          {c.tags.map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
        </span>
      ) : (
        ''
      ),
    },
    { label: t('fields.associations'), value: c.associations.map((a) => a.name).join(', ') },
  ];
  if (withMeta) {
    rows.push(
      {
        label: t('fields.provenance'),
        value: [t(`enums.provenance.${c.provenance}`), c.provenanceSource, formatDate(c.provenanceDate, lang)]
          .filter(Boolean)
          .join(' · '),
      },
      { label: t('fields.createdAt'), value: formatDateTime(c.createdAt, lang) },
      { label: t('fields.updatedAt'), value: `${formatDateTime(c.updatedAt, lang)} (v${c.version})` },
    );
  }
  return <FieldRows rows={rows} />;
}
