/** Top navigation between the app's screens. */
import { type RouteName, useAppStore } from '../store';

const ITEMS: { name: RouteName; label: string }[] = [{ name: 'library', label: 'Library' }];

export function NavBar() {
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const current = route.name === 'reader' ? 'library' : route.name;
  return (
    <header className="topbar">
      <span className="brand" aria-hidden="true">
        Lectern
      </span>
      <nav aria-label="Main">
        <ul>
          {ITEMS.map((item) => (
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
