/** Per pack and per chapter: questions, mastery, due today, new left. */
import type { PackProgress } from '../../core/stats';
import { formatPercent } from './format';
import type { PackNames } from './use-stats';

export function ProgressTable({
  packs,
  names,
}: {
  packs: PackProgress[];
  names: Map<string, PackNames> | undefined;
}) {
  if (packs.length === 0) return <p>No questions yet.</p>;
  return (
    <div className="progress-wrap">
      <table className="stats-table progress-table">
        <caption className="visually-hidden">Progress per pack and chapter</caption>
        <thead>
          <tr>
            <th scope="col">Pack or chapter</th>
            <th scope="col">Questions</th>
            <th scope="col">Mastery</th>
            <th scope="col">Due today</th>
            <th scope="col">New left</th>
          </tr>
        </thead>
        {packs.map((p) => {
          const packNames = names?.get(p.packId);
          return (
            <tbody key={p.packId}>
              <tr className="progress-table__pack">
                <th scope="row">{packNames?.title ?? p.packId}</th>
                <td>{p.questions}</td>
                <td>
                  <Mastery value={p.mastery} mastered={p.mastered} />
                </td>
                <td>{p.dueToday}</td>
                <td>{p.newLeft}</td>
              </tr>
              {p.chapters.map((c) => (
                <tr key={c.chapterId} className="progress-table__chapter">
                  <th scope="row">{packNames?.chapters.get(c.chapterId) ?? c.chapterId}</th>
                  <td>{c.questions}</td>
                  <td>
                    <Mastery value={c.mastery} mastered={c.mastered} />
                  </td>
                  <td>{c.dueToday}</td>
                  <td>{c.newLeft}</td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

function Mastery({ value, mastered }: { value: number; mastered: number }) {
  return (
    <span className="mastery">
      <span className="mastery__bar" aria-hidden="true">
        <span className="mastery__fill" style={{ width: `${Math.round(value * 100)}%` }} />
      </span>
      {formatPercent(value)} <span className="muted">({mastered})</span>
    </span>
  );
}
