import ReactDOM from 'react-dom/client';
import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import deliveryPlugin from '../src/alpha';

const app = createApp({ features: [catalogPlugin, deliveryPlugin] });

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
