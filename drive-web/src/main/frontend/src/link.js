// The share-link page (/s/#<token>): a separate, small bundle without the signed-in app, for people
// without an account. No inline script or style (strict CSP), like the main page.
import { html, render } from 'htm/preact';
import { LinkPage } from './views/link-page.js';

render(html`<${LinkPage} />`, document.getElementById('app'));
