/** Top navigation between the app's screens. */
import { useAppStore } from '../store';
import { NAV_ITEMS } from './screens';

export function NavBar() {
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const current = NAV_ITEMS.find((i) => i.name === route.name || i.also?.includes(route.name))?.name;
  return (
    <header className="topbar">
      <span className="brand" aria-hidden="true">
        Lectern
      </span>
      <nav aria-label="Main">
        <ul>
          {NAV_ITEMS.map((item) => (
            <li key={item.name}>
              <button
                type="button"
                className="nav-item"
                aria-current={current === item.name ? 'page' : undefined}
                onClick={() => navigate({ name: item.name } as never)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
