// The app shell loads this with React.lazy, hence the default export beside the named one.
export { YamlView, default } from './yaml-view';
