/**
 * npm run bench:join — in headless Chromium (Debian's), the time from
 * pressing Join on the room page to the first frame of the teacher's video,
 * median of 10 joins, against the floor measured in the same run: a minimal
 * page that connects with livekit-client directly using a ready token and
 * publishes camera + microphone like the room page does. Target ≤ 1.5 × the
 * floor. Also prints the JavaScript the room page transfers.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { AccessToken } from 'livekit-server-sdk';
import { DEMO_USERS } from '@/server/seed/demo-users';
import { freePort } from '@/scripts/infra/ports';
import { startProductionApp } from './lib/production-app';

const JOINS = Number(process.env.BENCH_JOINS ?? 10);
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];
const log = (line: string) => console.log(`[bench] ${line}`);

/**
 * True once a remote participant's <video> has decoded a frame. A function, not a string: the page's
 * CSP (no 'unsafe-eval') refuses Playwright's evaluation of string predicates.
 */
const REMOTE_FRAME = () =>
  [...document.querySelectorAll('video')].some((v) => !v.closest('[data-lk-local-participant="true"]') && !v.dataset.local && v.readyState >= 2 && v.videoWidth > 0);

async function signIn(browser: Browser, baseUrl: string, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const app = await startProductionApp({ log });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
let floorServer: http.Server | undefined;
try {
  // The teacher starts the current demo session and publishes fake video.
  const teacher = await signIn(browser, app.baseUrl, DEMO_USERS.teacher.email, app.demoPassword);
  const sessionId = await teacher.evaluate(async () => {
    const list = await fetch('/api/trpc/session.listMine?input=' + encodeURIComponent(JSON.stringify({ json: { range: 'today' } }))).then((r) => r.json());
    const current = list.result.data.json.find((s: { title: string }) => s.title.includes('Surat Al-Mulk'));
    await fetch('/api/trpc/meeting.create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { sessionId: current.id } }) });
    return current.id as number;
  });
  await teacher.goto(`/room/${sessionId}`);
  await teacher.locator('.lk-prejoin button.lk-join-button').click();
  await teacher.waitForSelector('.lk-participant-tile video');
  const roomName = await teacher.evaluate(async (id) => {
    const r = await fetch('/api/trpc/session.detail?input=' + encodeURIComponent(JSON.stringify({ json: { sessionId: id } }))).then((x) => x.json());
    return r.result.data.json.meeting.roomName as string;
  }, sessionId);
  log(`teacher publishing in ${roomName}`);

  // The room page, as a student: open it, press Join, wait for the teacher's first frame.
  const student = await signIn(browser, app.baseUrl, DEMO_USERS.student.email, app.demoPassword);
  const appTimes: number[] = [];
  let jsBytes = 0;
  for (let i = 0; i < JOINS; i += 1) {
    await student.goto(`/room/${sessionId}`);
    const join = student.locator('.lk-prejoin button.lk-join-button');
    await join.waitFor();
    if (i === 0) {
      jsBytes = await student.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
          .reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize), 0),
      );
      log(`room page JavaScript transferred: ${(jsBytes / 1024).toFixed(0)} KiB`);
    }
    // A person looks at the device check for a moment before pressing Join.
    await new Promise((r) => setTimeout(r, 1_000));
    const started = performance.now();
    await join.click();
    await student.waitForFunction(REMOTE_FRAME, undefined, { polling: 'raf', timeout: 30_000 });
    appTimes.push(performance.now() - started);
    await student.goto('about:blank');
    // Let LiveKit see the departure before the next join reuses the identity.
    await new Promise((r) => setTimeout(r, 1_500));
  }

  // The floor: livekit-client alone, token already in hand, same browser.
  const floorPort = await freePort();
  const umd = readFileSync('node_modules/livekit-client/dist/livekit-client.umd.js');
  const page = `<!doctype html><meta charset="utf-8"><script src="/lk.js"></script><div id="v"></div><script>
    window.join = async (url, token) => {
      const room = new LivekitClient.Room();
      room.on(LivekitClient.RoomEvent.TrackSubscribed, (track) => { if (track.kind === 'video') document.getElementById('v').appendChild(track.attach()); });
      await room.connect(url, token);
      await room.localParticipant.enableCameraAndMicrophone();
      window.room = room;
    };
    window.leave = () => window.room && window.room.disconnect();
  </script>`;
  floorServer = http.createServer((req, res) => {
    if (req.url === '/lk.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(umd);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  await new Promise<void>((r) => floorServer!.listen(floorPort, '127.0.0.1', r));
  const floorContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const floor = await floorContext.newPage();
  const livekitUrl = await teacher.evaluate(async (id) => {
    const r = await fetch('/api/trpc/meeting.token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { sessionId: id } }) }).then((x) => x.json());
    return r.result.data.json.serverUrl as string;
  }, sessionId);
  const floorTimes: number[] = [];
  for (let i = 0; i < JOINS; i += 1) {
    const token = new AccessToken(app.secrets.livekitKey, app.secrets.livekitSecret, { identity: `floor-${i}`, ttl: 600 });
    token.addGrant({ roomJoin: true, room: roomName, canPublish: true, canSubscribe: true });
    const jwt = await token.toJwt();
    await floor.goto(`http://127.0.0.1:${floorPort}/`);
    const started = performance.now();
    await floor.evaluate(([url, t]) => (window as unknown as { join: (a: string, b: string) => Promise<void> }).join(url!, t!), [livekitUrl, jwt]);
    await floor.waitForFunction(REMOTE_FRAME, undefined, { polling: 'raf', timeout: 30_000 });
    floorTimes.push(performance.now() - started);
    await floor.evaluate(() => (window as unknown as { leave: () => void }).leave());
    await new Promise((r) => setTimeout(r, 1_500));
  }

  const appMedian = median(appTimes);
  const floorMedian = median(floorTimes);
  console.log('');
  console.log(`join → first remote frame, median of ${JOINS}:`);
  console.log(`  room page (press Join)      ${appMedian.toFixed(0)} ms   [${appTimes.map((t) => t.toFixed(0)).join(', ')}]`);
  console.log(`  livekit-client floor        ${floorMedian.toFixed(0)} ms   [${floorTimes.map((t) => t.toFixed(0)).join(', ')}]`);
  console.log(`  ratio room / floor: ${(appMedian / floorMedian).toFixed(2)} (target ≤ 1.5)`);
  console.log(`room page JavaScript transferred: ${(jsBytes / 1024).toFixed(0)} KiB`);
} finally {
  floorServer?.close();
  await browser.close();
  await app.stop();
}
