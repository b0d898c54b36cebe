/** Settings: study, appearance, per-pack settings and reset, sync, and backups. Every change is saved at once. */
import { ScreenHeading } from '../../ui/ScreenHeading';
import { BackupSection } from '../backup/BackupSection';
import { AppearanceSettings } from './AppearanceSettings';
import { PackSettings } from './PackSettings';
import { SchedulingSettings } from './SchedulingSettings';
import { StudySettings } from './StudySettings';
import { SyncSettings } from './SyncSettings';
import { useEditableSettings } from './use-settings';
import './settings.css';

export function SettingsScreen() {
  const { settings, save } = useEditableSettings();
  return (
    <section aria-labelledby="settings-title" className="screen settings">
      <div id="settings-title">
        <ScreenHeading focusKey="settings">Settings</ScreenHeading>
      </div>
      <p className="muted">Changes are saved as soon as you make them.</p>
      {settings === undefined ? (
        <p role="status">Loading your settings…</p>
      ) : (
        <>
          <StudySettings settings={settings} save={save} />
          <SchedulingSettings settings={settings} save={save} />
          <AppearanceSettings settings={settings} save={save} />
          <PackSettings settings={settings} save={save} />
        </>
      )}
      <SyncSettings />
      <BackupSection />
    </section>
  );
}
