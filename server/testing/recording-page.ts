/**
 * What egress films in the integration tests, which run without Next (so
 * without app/recording-layout, which the browser tests film): a page that
 * gives egress its start signal at once and draws a moving picture and a
 * tone, so a recording has a video and an audio stream. It answers only at
 * /recording-layout and only with a token, like the real page.
 */
import http from 'node:http';

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Halaqa test recording</title></head>
<body style="margin:0;background:#0f1713;overflow:hidden">
<canvas id="c" width="640" height="360" style="width:100vw;height:100vh"></canvas>
<script>
  const g = document.getElementById('c').getContext('2d');
  let frame = 0;
  (function draw() {
    frame++;
    g.fillStyle = 'hsl(' + (frame * 3) % 360 + ', 60%, 35%)';
    g.fillRect(0, 0, 640, 360);
    g.fillStyle = '#fff';
    g.font = '48px sans-serif';
    g.fillText('frame ' + frame, 40, 200);
    requestAnimationFrame(draw);
  })();
  const audio = new AudioContext();
  const tone = audio.createOscillator();
  tone.frequency.value = 440;
  tone.connect(audio.destination);
  tone.start();
  console.log('START_RECORDING');
</script>
</body></html>`;

export async function startRecordingPage(): Promise<{ appUrl: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/recording-layout' || !url.searchParams.get('token')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    appUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
