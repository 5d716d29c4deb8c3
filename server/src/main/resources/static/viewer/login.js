/* The sign-in page: posts to /login as JSON, shows a refusal in the page, then opens the page the user was going to. */
(function () {
  'use strict';

  var form = document.getElementById('login');
  var message = document.getElementById('message');
  var button = document.getElementById('sign-in');
  var next = form.dataset.next; // checked by the server: a path on this server, or empty

  function say(text, kind) {
    message.textContent = text;
    message.className = 'message' + (kind ? ' ' + kind : '');
  }

  /* The CSRF token of a session this browser may still have: a login over a live session must send it. */
  function csrfToken() {
    var found = document.cookie.split('; ').filter(function (c) { return c.indexOf('XSRF-TOKEN=') === 0; })[0];
    return found ? decodeURIComponent(found.substring('XSRF-TOKEN='.length)) : null;
  }

  /* Password login may be turned off, and single sign-on methods listed: the server says which. */
  fetch('/api/login_methods', { cache: 'no-store' }).then(function (r) { return r.ok ? r.json() : null; })
    .then(function (methods) {
      if (!methods) { return; }
      form.hidden = methods.password === false;
      var sso = document.getElementById('sso');
      (methods.sso || []).forEach(function (m) {
        var link = document.createElement('a');
        // back to the same page once signed in (the server keeps next only when it is a path of its own)
        link.href = m.url + (next ? (m.url.indexOf('?') < 0 ? '?' : '&') + 'next=' + encodeURIComponent(next) : '');
        link.textContent = 'Sign in with ' + m.name;
        sso.appendChild(link);
      });
    }).catch(function () { /* the form works without the list */ });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var token = csrfToken();
    if (token) { headers['X-XSRF-TOKEN'] = token; }
    button.disabled = true;
    say('Signing in…');
    fetch('/login', {
      method: 'POST', headers: headers, credentials: 'same-origin', cache: 'no-store',
      body: JSON.stringify({ email: form.elements.email.value, password: form.elements.password.value })
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) {
          throw new Error(body.message || body.detail || ('Signing in failed (HTTP ' + r.status + ')'));
        }
        if (next) {
          location.assign(next);
        } else {
          say('Signed in as ' + ((body.user && body.user.name) || form.elements.email.value) + '.', 'ok');
          button.disabled = false;
        }
      });
    }).catch(function (e) {
      say(e.message || String(e), 'error');
      form.elements.password.value = '';
      form.elements.password.focus();
      button.disabled = false;
    });
  });
}());
