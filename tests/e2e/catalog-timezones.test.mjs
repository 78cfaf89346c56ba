// A city's time zone in the catalog: every city has one (Europe/Madrid
// unless set), anyone reads it in the API, and admins set it through the
// API or the pages, only to a zone the zone database knows (422 with a
// reason otherwise).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import { assertProblem, serial } from './lib.mjs';
import {
    Client, account, decode, pageSignIn, token,
} from './events-lib.mjs';

await serial();
const TAG = 84;
const es = JSON.parse(fs.readFileSync(new URL(
    '../../templates/i18n/es-catalog.json', import.meta.url), 'utf8'));
let admin;

test('set-up: the demo admin', async () => {
	admin = await account(TAG, 'admin');
});

test('every city has a zone in the public API; the demo has the Canaries', async () => {
	const res = await new Client(TAG).api('GET', '/api/v1/catalog/cities');
	assert.equal(res.status, 200);
	const items = res.json().items;
	assert.ok(items.length > 0);
	for (const c of items)
		assert.equal(typeof c.timezone, 'string', JSON.stringify(c));
	assert.equal(items.find((c) => c.name === 'Madrid').timezone, 'Europe/Madrid');
	assert.equal(items.find((c) => c.name === 'Las Palmas de Gran Canaria')
	    .timezone, 'Atlantic/Canary');
});

test('admins create a city with a zone (Europe/Madrid when absent) and change it', async () => {
	let res = await admin.api('POST', '/api/v1/catalog/cities', { name: `Villa ${token('tz')}` });
	assert.equal(res.status, 201, res.text);
	const city = res.json();
	assert.equal(city.timezone, 'Europe/Madrid');
	res = await admin.api('PATCH', `/api/v1/catalog/cities/${city.id}`, { timezone: 'Atlantic/Canary' });
	assert.equal(res.status, 200, res.text);
	assert.equal(res.json().timezone, 'Atlantic/Canary');
	res = await admin.api('PATCH', `/api/v1/catalog/cities/${city.id}`, { name: `Villa ${token('tz')}` });
	assert.equal(res.json().timezone, 'Atlantic/Canary', 'a rename keeps the zone');
	res = await admin.api('POST', '/api/v1/catalog/cities',
	    { name: `Villa ${token('tz')}`, timezone: 'America/Argentina/Buenos_Aires' });
	assert.equal(res.status, 201, res.text);
	assert.equal(res.json().timezone, 'America/Argentina/Buenos_Aires');
});

test('a name that is not a zone is 422 with a reason, and nothing changes', async () => {
	const city = (await admin.api('POST', '/api/v1/catalog/cities',
	    { name: `Villa ${token('tz')}`, timezone: 'Europe/Lisbon' })).json();
	for (const bad of ['Mars/Olympus_Mons', '../../etc/passwd', '/etc/passwd',
	    'Europe', 'zone.tab', 'localtime', 'Europe/Madrid ', 'CET-1CEST',
	    'right/Europe/Madrid', 'x'.repeat(65)]) {
		let doc = assertProblem(await admin.api('PATCH',
		    `/api/v1/catalog/cities/${city.id}`, { timezone: bad }), 422);
		assert.equal(doc.errors?.timezone, es.valid.catalog_bad_timezone, bad);
		doc = assertProblem(await admin.api('POST', '/api/v1/catalog/cities',
		    { name: `Villa ${token('tz')}`, timezone: bad }), 422);
		assert.equal(doc.errors?.timezone, es.valid.catalog_bad_timezone, bad);
	}
	// An empty value is an absent one, as for every catalog field.
	const res = await admin.api('PATCH', `/api/v1/catalog/cities/${city.id}`, { timezone: '' });
	assert.equal(res.status, 200, res.text);
	const still = (await admin.api('GET', `/api/v1/catalog/cities/${city.id}`)).json();
	assert.equal(still.timezone, 'Europe/Lisbon');
});

test('the pages show and take a city\'s zone', async () => {
	const b = new Client(TAG);
	await pageSignIn(b, 'admin@agora.test', 'Demo-Agora-2026');
	const list = await b.page('GET', '/catalog/cities');
	assert.equal(list.status, 200);
	assert.match(list.text, /<td><code>Atlantic\/Canary<\/code><\/td>/);
	assert.match(list.text, /name="timezone"[^>]*value="Europe\/Madrid"/);

	const name = `Villa ${token('tz')}`;
	let res = await b.post('/catalog/cities', { name, timezone: 'Marte/Base' });
	assert.equal(res.status, 422);
	assert.match(res.text, /id="f-timezone-error"/);
	assert.ok(decode(res.text).includes(es.valid.catalog_bad_timezone));
	assert.match(res.text, /value="Marte\/Base"/, 'what was typed comes back');

	res = await b.post('/catalog/cities', { name, timezone: 'Atlantic/Canary' });
	assert.ok(res.status === 303 || res.status === 201, `${res.status}`);
	const city = (await admin.api('GET', '/api/v1/catalog/cities')).json().items
	    .find((c) => c.name === name);
	assert.equal(city.timezone, 'Atlantic/Canary');

	const item = await b.page('GET', `/catalog/cities/${city.id}`);
	assert.match(item.text, /name="timezone"[^>]*value="Atlantic\/Canary"/);
	res = await b.post(`/catalog/cities/${city.id}`, { name, timezone: 'Nowhere' });
	assert.equal(res.status, 422);
	assert.match(res.text, /id="f-timezone-error"/);
	res = await b.post(`/catalog/cities/${city.id}`, { name, timezone: 'Europe/Madrid' });
	assert.equal(res.status, 303);
	assert.equal((await admin.api('GET', `/api/v1/catalog/cities/${city.id}`)).json()
	    .timezone, 'Europe/Madrid');
});
