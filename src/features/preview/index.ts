export { PreviewView } from './preview-view';
