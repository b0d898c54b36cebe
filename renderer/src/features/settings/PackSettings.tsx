/** One card per pack: its scheduling preset, and "Reset progress…". */
import { useLiveQuery } from 'dexie-react-hooks';
import { listPackTitles } from '../../ops/settings';
import { PackPreset } from './PackPreset';
import { ResetProgress } from './ResetProgress';
import type { SettingsSectionProps } from './StudySettings';

/** Pack ids and titles, in the Library's order (bundled first, then by title). */
function usePackTitles(): { id: string; title: string }[] | undefined {
  return useLiveQuery(listPackTitles, []);
}

export function PackSettings({ settings, save }: SettingsSectionProps) {
  const packs = usePackTitles();
  return (
    <section className="card settings-section" aria-labelledby="settings-packs">
      <h2 id="settings-packs">Packs</h2>
      {packs === undefined ? (
        <p role="status">Loading your packs…</p>
      ) : packs.length === 0 ? (
        <p>No packs yet.</p>
      ) : (
        <ul className="settings-pack-list">
          {packs.map((p) => (
            <li key={p.id}>
              <article aria-labelledby={`settings-pack-${p.id}`} className="settings-pack">
                <h3 id={`settings-pack-${p.id}`}>{p.title}</h3>
                <PackPreset packId={p.id} settings={settings} save={save} />
                <ResetProgress packId={p.id} title={p.title} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
