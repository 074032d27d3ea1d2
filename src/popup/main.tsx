// Placeholder created by the runtime engineer so the extension builds; the UI owner replaces it.
import { render } from 'preact';

const app = document.getElementById('app');
if (app) render(<p>Crosscheck popup (placeholder)</p>, app);
