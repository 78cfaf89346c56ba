/*
 * Live notifications for a signed-in page (progressive enhancement: the
 * page is complete without it).  One EventSource on the stream keeps the
 * unread counter in the navigation current: the element marked
 * data-unread-count inside the link to /notifications, made here when
 * the page has none.  Each new notification is also announced to other
 * scripts as an "agora:notification" event on document.  The browser
 * reconnects by itself and resumes with Last-Event-ID.
 */
(function () {
	'use strict';

	var STREAM = '/api/v1/notifications/stream';

	if (typeof window.EventSource !== 'function')
		return;

	function badge(create) {
		var el = document.querySelector('[data-unread-count]');
		var link;

		if (el || !create)
			return el;
		link = document.querySelector('a[href="/notifications"]');
		if (!link)
			return null;
		el = document.createElement('span');
		el.className = 'badge';
		el.setAttribute('data-unread-count', '');
		link.appendChild(document.createTextNode(' '));
		link.appendChild(el);
		return el;
	}

	function show(count) {
		var el = badge(count > 0);

		if (!el)
			return;
		el.textContent = String(count);
		/* .badge sets display, which would win over [hidden]. */
		el.hidden = count === 0;
		el.style.display = count === 0 ? 'none' : '';
	}

	function parse(ev) {
		try {
			return JSON.parse(ev.data);
		} catch (e) {
			return null;
		}
	}

	var es = null;

	function start() {
		if (es)
			return;
		es = new EventSource(STREAM);
		es.addEventListener('count', function (ev) {
			var d = parse(ev);

			if (d && typeof d.count === 'number')
				show(d.count);
		});
		es.addEventListener('notification', function (ev) {
			var d = parse(ev);

			if (d)
				document.dispatchEvent(new CustomEvent(
				    'agora:notification', { detail: d }));
		});
	}

	/* Leaving the page frees the server's end at once; coming back to
	 * it from the back-forward cache opens a new stream. */
	window.addEventListener('pagehide', function () {
		if (es)
			es.close();
		es = null;
	});
	window.addEventListener('pageshow', function (ev) {
		if (ev.persisted)
			start();
	});

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', start);
	else
		start();
}());
