import { useTranslation } from 'react-i18next';

/** KRDS step indicator; the current step is marked for screen readers and with aria-current. */
export function StepIndicator({ steps, current }: { steps: string[]; current: number }) {
  const { t } = useTranslation();
  return (
    <ol className="krds-step-wrap app-steps-indicator" aria-label={t('steps.label')}>
      {steps.map((label, i) => (
        <li
          key={label}
          className={i < current ? 'done' : i === current ? 'active' : undefined}
          aria-current={i === current ? 'step' : undefined}
        >
          <span>
            {i === current && <em className="sr-only">{t('steps.current')} </em>}
            {i < current && <em className="sr-only">{t('steps.done')} </em>}
            <i className="step">{t('steps.n', { n: i + 1, total: steps.length })}</i>
            <span className="step-tit">{label}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
