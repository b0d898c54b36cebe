/** The Library's self-test actions for one pack: start a self-test, or open its discussion sheet. */
import { useAppStore } from '../../store';

export function PackSelfTestActions({ packId, title }: { packId: string; title: string }) {
  const navigate = useAppStore((s) => s.navigate);
  return (
    <div className="pack-actions">
      <button type="button" className="secondary" onClick={() => navigate({ name: 'selftest', packId })}>
        Self-test<span className="visually-hidden"> on {title}</span>
      </button>
      <button type="button" className="secondary" onClick={() => navigate({ name: 'discussion', packId })}>
        Discussion sheet<span className="visually-hidden"> for {title}</span>
      </button>
    </div>
  );
}
