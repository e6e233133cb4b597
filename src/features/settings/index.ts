export { SettingsButton } from './settings-button';
