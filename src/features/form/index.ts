export { FormView } from './form-view';
