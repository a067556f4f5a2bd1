/**
 * A PostgreSQL URL's password never appears in a message: not in the
 * userinfo (even with an '@' in it, which the URL parser pg uses allows),
 * not as a `password` query parameter (which pg reads too).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { redactUrl } from '../../src/node/pg-store.js';
import { runWasmac } from './helpers.js';

const SECRET = 'hunter2secret';

test('redactUrl hides every form of the password, keeps the rest', () => {
  for (const [url, shown] of [
    [`postgres://u:${SECRET}@127.0.0.1:5432/db`, 'postgres://u:***@127.0.0.1:5432/db'],
    [`postgres://u:p@${SECRET}@db.example:5432/kms`, 'postgres://u:***@db.example:5432/kms'],
    [`postgresql://u@h:5432/db?sslmode=disable&password=${SECRET}`, 'postgresql://u@h:5432/db?sslmode=disable&password=***'],
    [`postgres://u@h/db?PassWord=${SECRET}&sslpassword=${SECRET}`, 'postgres://u@h/db?PassWord=***&sslpassword=***'],
    ['postgres://u@h:5432/db', 'postgres://u@h:5432/db'],
  ] as const) {
    assert.is(redactUrl(url), shown, url);
  }
});

test('serve: a password in the query is not printed when the database cannot be used, or the URL is refused', async () => {
  for (const store of [`postgres://postgres@127.0.0.1:1/x?password=${SECRET}`, `postgres://u:a@${SECRET}@127.0.0.1:1/x`, `postgres://h?password=${SECRET}`]) {
    const r = await runWasmac(['serve', '--port', '0', '--store', store]);
    assert.is.not(r.code, 0);
    assert.ok(!`${r.out}${r.err}`.includes(SECRET), `${r.out}${r.err}`);
    assert.match(r.err, /\*\*\*/);
  }
});

test.run();
