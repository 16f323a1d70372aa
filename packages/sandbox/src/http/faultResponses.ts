/**
 * The response bodies of the malformed-answer faults: the Jenkins login page
 * (`html-login`), an oversized never-ending stream (`oversized`) and a body cut
 * in half (`truncated-json`).
 */
import type { Response } from 'express';

/** The page Jenkins shows an unauthenticated browser (served with 200). */
export const jenkinsLoginPage = `<!DOCTYPE html><html><head resURL="/static/4f1f2c2e" data-rooturl="" data-resurl="/static/4f1f2c2e">
<title>Sign in [Jenkins]</title><meta name="ROBOTS" content="NOFOLLOW"><link rel="stylesheet" href="/static/4f1f2c2e/jsbundles/simple-page.css" type="text/css"></head>
<body><div class="simple-page" role="main"><div class="modal login"><div id="loginIntroDefault"><div class="logo"></div><h1>Welcome to Jenkins!</h1></div>
<form method="post" name="login" action="j_spring_security_check"><div class="formRow"><input autocorrect="off" autocomplete="off" name="j_username" id="j_username" placeholder="Username" type="text" class="normal" autocapitalize="off" aria-label="Username"></div>
<div class="formRow"><input name="j_password" placeholder="Password" type="password" class="normal" aria-label="Password"></div>
<input name="from" type="hidden"><div class="submit formRow"><input name="Submit" type="submit" value="Sign in" class="submit-button primary "></div>
<script type="text/javascript">document.getElementById('j_username').focus();</script></form></div></div></body></html>
`;

/** Streams `size` bytes of never-ending JSON (no Content-Length, chunked). */
export function streamOversized(res: Response, size: number): void {
  res.status(200).type('application/json');
  const chunk = Buffer.from(`{"padding":"${'x'.repeat(1000)}"},`);
  let sent = 0;
  res.write('{"items":[');
  const pump = (): void => {
    while (sent < size) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('close', () => {
    sent = size;
  });
  pump();
}

/** Makes the next `res.send` cut its body in half (keeps status and headers). */
export function truncateNextBody(res: Response): void {
  const original = res.send.bind(res);
  res.send = ((body?: unknown) => {
    let text: string;
    if (Buffer.isBuffer(body)) text = body.toString('utf8');
    else if (typeof body === 'string') text = body;
    else text = JSON.stringify(body);
    res.type('application/json');
    res.send = original;
    return original(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
  }) as Response['send'];
}
