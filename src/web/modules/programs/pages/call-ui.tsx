import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EligibilityRule } from '../../../../server/modules/programs/eligibility-contract';
import type { ApplicationStatus, CallStatus } from '../../../../shared/enums';
import { KSIC_SECTIONS } from '../../../../shared/ksic';
import { Badge, type BadgeTone } from '../../../components/Badge';
import { PageHeader } from '../../../components/Page';
import type { Lang } from '../../../i18n';
import type { Call } from '../api/calls';

const CALL_TONE: Record<CallStatus, BadgeTone> = {
  draft: 'gray',
  published: 'information',
  open: 'success',
  closed: 'secondary',
  evaluating: 'warning',
  announced: 'primary',
  archived: 'gray',
};

export function CallStatusBadge({ status }: { status: CallStatus }) {
  const { t } = useTranslation();
  return <Badge tone={CALL_TONE[status]}>{t(`calls.status.${status}`)}</Badge>;
}

const APP_TONE: Record<ApplicationStatus, BadgeTone> = {
  draft: 'gray',
  submitted: 'success',
  withdrawn: 'secondary',
  supplement_requested: 'warning',
  incomplete: 'danger',
  ineligible: 'danger',
  selected: 'primary',
  waitlisted: 'information',
  rejected: 'secondary',
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={APP_TONE[status]}>{t(`applications.status.${status}`)}</Badge>;
}

/** 12 KB (at least 1 KB), for file lists. */
export const fileSizeText = (bytes: number, lang: Lang) =>
  `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB')} KB`;

/** 13.4:1 */
export const formatRatio = (r: number) => `${r.toFixed(1)}:1`;

/**
 * Time left until `closesAt`, measured against the server's clock: the offset between the server's
 * `now` and the browser's clock when it arrived is applied to every tick.
 */
export function useServerCountdown(closesAt: string, serverNow: string | undefined) {
  const [offset] = useState(() => (serverNow ? Date.parse(serverNow) - Date.now() : 0));
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 30_000);
    return () => clearInterval(timer);
  }, [offset]);
  return Math.max(0, Date.parse(closesAt) - now);
}

/** "3일 4시간 남음" / "마감" — updated every 30 s, not announced (it is not live). */
export function Countdown({ closesAt, serverNow }: { closesAt: string; serverNow: string | undefined }) {
  const { t } = useTranslation();
  const left = useServerCountdown(closesAt, serverNow);
  if (left <= 0) return <span className="app-countdown">{t('calls.countdown.closed')}</span>;
  const mins = Math.floor(left / 60_000);
  const d = Math.floor(mins / 1440);
  const h = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  const text =
    d > 0
      ? t('calls.countdown.days', { d, h })
      : h > 0
        ? t('calls.countdown.hours', { h, m })
        : t('calls.countdown.minutes', { m: Math.max(1, m) });
  return <span className={`app-countdown${d === 0 ? ' app-countdown--soon' : ''}`}>{text}</span>;
}

/** Describes a machine-checked eligibility rule in plain language. */
export function describeRule(
  rule: EligibilityRule,
  t: (k: string, o?: Record<string, unknown>) => string,
  lang: Lang,
) {
  switch (rule.type) {
    case 'seoulLocated':
      return t('calls.rules.seoulLocated');
    case 'sizeClasses':
      return t('calls.rules.sizeClasses', {
        list: rule.allowed.map((s) => t(`enums.sizeClass.${s}`)).join(', '),
      });
    case 'ksicSections':
      return t('calls.rules.ksicSections', {
        list: rule.allowed
          .map((c) => {
            const s = KSIC_SECTIONS.find((x) => x.code === c);
            return s ? `${c} ${s[lang]}` : c;
          })
          .join(', '),
      });
    case 'foundedWithinYears':
      return t('calls.rules.foundedWithinYears', { n: rule.years });
    case 'notSelectedSameProgramYear':
      return t('calls.rules.notSelectedSameProgramYear');
    case 'hasDiagnosis':
      return t('calls.rules.hasDiagnosis', { n: rule.withinMonths });
    default:
      return '';
  }
}

/**
 * The heading of a call's page (public and staff): the way back, the title, and under it the status,
 * `children` (what the page adds: program or deadline) and the live countdown while the call is open.
 */
export function CallHeader({
  call,
  back,
  actions,
  children,
}: {
  call: Call;
  back: { to: string; label: string };
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <PageHeader
      back={back}
      title={call.title}
      lead={
        <p className="app-badges">
          <CallStatusBadge status={call.status} />
          {children}
          {call.status === 'open' && <Countdown closesAt={call.closesAt} serverNow={call.now} />}
        </p>
      }
      actions={actions}
    />
  );
}
