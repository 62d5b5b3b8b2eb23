/*
 * Offline stand-in for Zendesk's messaging Web Widget (snippet.js), served by
 * zendesk-widget-filter when emulator=true. For demos and tests only, never production.
 * Every JWT is checked by the filter's emulator/verify endpoint by Zendesk's rules, so a
 * token Zendesk would refuse with a bare 401 is refused here with a reason.
 *
 * Two modes, as the filter's mode param says (the server writes it into MODE below):
 * messenger: zE('messenger', 'loginUser', jwtCallback[, loginCallback]), and 'logoutUser',
 * 'open', 'close'. classic (the Classic Web Widget with Chat): window.zESettings.webWidget
 * .authenticate.chat.jwtFn, read once at boot as Classic does, and zE('webWidget', 'logout'),
 * 'updateSettings', 'chat:reauthenticate', 'open', 'close'; Chat tokens are checked by Chat's rules. Calls made before this script ran are replayed when window.zE is a
 * queueing stub keeping each call's arguments in an array zE.q, zE.queue or zE._, e.g.
 * window.zE = function () { (zE.q = zE.q || []).push(arguments); }.
 * Anything else is recorded as 'unsupported' and reported on the console.
 *
 * Browser tests read window.zwEmulator: events [{type, externalId, reason, at: Date.now()}]
 * (loginUser, jwtFn, verified, rejected, refresh, logoutUser, logout, open, close, unsupported, and
 * set with name and value, the value as JSON); settings {conversationFields, conversationTags,
 * locale, cookies} as last set;
 * mode 'messenger' | 'classic'; state
 * 'anonymous' | 'verifying' | 'signedIn' | 'rejected'; user {externalId, name, email, exp}
 * or null; reason of the last rejection; open. Token text reaches the page by textContent only.
 */
(function () {
  'use strict';
  if (window.zwEmulator) {
    return; // loaded twice: the first copy stays in charge, this one does nothing
  }

  var MODE = 'messenger';
  var script = document.currentScript || document.getElementById('ze-snippet');
  var src = script && script.src ? script.src : '';
  // The verify endpoint sits next to this file: {dir}/emulator.js -> {dir}/emulator/verify.
  var verifyUrl = src.split(/[?#]/)[0].replace(/[^\/]*$/, '') + 'emulator/verify';
  var key = /[?&]key=([^&#]*)/.exec(src);

  var emu = window.zwEmulator = {
    mode: MODE, events: [], state: 'anonymous', user: null, reason: null, open: false, settings: {},
    key: key ? decodeURIComponent(key[1]) : null, verifyUrl: verifyUrl
  };
  var session = 0; // bumped by loginUser and logoutUser: late answers for an older session are dropped
  var refreshTimer = null;
  var ui = null;

  function record(type, externalId, reason) {
    emu.events.push({type: type, externalId: externalId || null, reason: reason || null, at: Date.now()});
  }

  function warn(message) {
    if (window.console && console.warn) {
      console.warn('Zendesk widget emulator: ' + message);
    }
  }

  function verify(jwt, done) {
    var x = new XMLHttpRequest();
    x.open('POST', verifyUrl);
    x.setRequestHeader('Content-Type', 'text/plain;charset=UTF-8');
    x.onload = function () {
      var answer = null;
      try {
        answer = JSON.parse(x.responseText);
      } catch (e) { /* answered below as an HTTP failure */ }
      done(x.status === 200 && answer ? answer
          : {ok: false, reason: 'the verify endpoint answered HTTP ' + x.status});
    };
    x.onerror = function () {
      done({ok: false, reason: 'the verify endpoint could not be reached'});
    };
    x.send(jwt);
  }

  // Asks the page for a token, as Zendesk does, and has it checked. A refresh keeps the
  // visitor signed in while the new token is checked and does not call loginCallback again.
  function authenticate(jwtCallback, loginCallback, refresh) {
    var mine = session;
    var answered = false;
    function settle(answer) {
      if (mine !== session) {
        return;
      }
      if (answer.ok) {
        emu.state = 'signedIn';
        emu.reason = null;
        emu.user = {externalId: answer.externalId, name: answer.name || null,
                    email: answer.email || null, exp: typeof answer.exp === 'number' ? answer.exp : null};
        record('verified', answer.externalId);
        scheduleRefresh(answer.expiresIn, jwtCallback);
      } else {
        emu.state = 'rejected';
        emu.reason = answer.reason;
        emu.user = null;
        record('rejected', null, answer.reason);
      }
      render();
      if (!refresh && loginCallback) {
        // Zendesk's loginCallback: null on success, else an error with type, reason, message.
        loginCallback(answer.ok ? null : {type: 'LoginFailedError', reason: answer.reason,
                                          message: 'The JWT was rejected: ' + answer.reason});
      }
    }
    if (typeof jwtCallback !== 'function') {
      settle({ok: false, reason: 'loginUser needs a jwtCallback function'});
      return;
    }
    if (!refresh) {
      emu.state = 'verifying';
      render();
    }
    try {
      jwtCallback(function (jwt) {
        if (answered || mine !== session) {
          return; // only the first token handed for a request counts
        }
        answered = true;
        if (typeof jwt !== 'string') {
          settle({ok: false, reason: 'the jwtCallback handed ' + typeof jwt + ', not a string'});
        } else {
          verify(jwt, settle);
        }
      });
    } catch (e) {
      if (!answered) {
        answered = true;
        settle({ok: false, reason: 'the jwtCallback threw: ' + e});
      }
    }
  }

  // Zendesk asks for a fresh token once the one it holds has expired. expiresIn comes from the
  // server's clock, so a browser clock that is off does not make it ask too early or in a loop.
  function scheduleRefresh(expiresIn, jwtCallback) {
    clearTimeout(refreshTimer);
    refreshTimer = null;
    if (typeof expiresIn !== 'number' || expiresIn * 1000 > 2147483647) {
      return; // no exp, or further away than setTimeout can wait (24.8 days): never renewed
    }
    var mine = session;
    refreshTimer = setTimeout(function () {
      if (mine === session) {
        record('refresh', emu.user && emu.user.externalId);
        authenticate(jwtCallback, null, true);
      }
    }, Math.max(expiresIn, 1) * 1000);
  }

  // Back to the pre-login state: the next conversation is a new anonymous one.
  function signOut(type) {
    session++;
    clearTimeout(refreshTimer);
    var was = emu.user;
    emu.state = 'anonymous';
    emu.user = null;
    emu.reason = null;
    delete emu.settings.conversationFields;
    delete emu.settings.conversationTags;
    record(type, was && was.externalId);
    render();
  }

  var commands = {
    loginUser: function (jwtCallback, loginCallback) {
      session++;
      clearTimeout(refreshTimer);
      record('loginUser');
      authenticate(jwtCallback, typeof loginCallback === 'function' ? loginCallback : null, false);
    },
    logoutUser: function () { signOut('logoutUser'); },
    open: function () { setOpen(true); },
    close: function () { setOpen(false); }
  };

  // The Classic widget: settings read at boot (and replaced by updateSettings), Chat asks jwtFn.
  var classicSettings = window.zESettings || {};
  function chatJwtFn() {
    var w = classicSettings.webWidget, a = w && w.authenticate, c = a && a.chat;
    return c && c.jwtFn;
  }
  function classicSignIn() {
    var jwtFn = chatJwtFn();
    if (!jwtFn) {
      return false;
    }
    session++;
    clearTimeout(refreshTimer);
    record('jwtFn');
    authenticate(jwtFn, null, false);
    return true;
  }
  var classicCommands = {
    logout: function () { signOut('logout'); },
    updateSettings: function (settings) {
      var w = settings && settings.webWidget;
      if (w) {
        classicSettings.webWidget = classicSettings.webWidget || {};
        for (var name in w) {
          if (w.hasOwnProperty(name)) {
            classicSettings.webWidget[name] = w[name];
          }
        }
      }
    },
    'chat:reauthenticate': function () {
      if (!classicSignIn()) {
        record('unsupported', null, 'chat:reauthenticate without zESettings.webWidget.authenticate.chat.jwtFn');
      }
    },
    open: function () { setOpen(true); },
    close: function () { setOpen(false); }
  };

  function setOpen(open) {
    emu.open = open;
    record(open ? 'open' : 'close', emu.user && emu.user.externalId);
    render();
  }

  // zE('messenger:set', name, value): what the page tells the widget besides the sign-in. The
  // emulator keeps the last value of each in emu.settings and records a 'set' event with a JSON
  // copy of it; Zendesk's logoutUser clears conversation fields and tags, and so does this.
  var SETTABLE = {conversationFields: 1, conversationTags: 1, locale: 1, cookies: 1};
  function set(name, value) {
    if (!SETTABLE.hasOwnProperty(name)) {
      record('unsupported', null, "zE('messenger:set', '" + name + "') is not supported by the emulator");
      return;
    }
    emu.settings[name] = value;
    emu.events.push({type: 'set', externalId: emu.user && emu.user.externalId, name: name,
                     value: JSON.stringify(value), reason: null, at: Date.now()});
  }

  function zE(scope, command) {
    if (MODE !== 'classic' && scope === 'messenger:set') {
      set(command, arguments[2]);
      return;
    }
    var own = MODE === 'classic' ? (scope === 'webWidget' && classicCommands)
        : (scope === 'messenger' && commands);
    if (own && own.hasOwnProperty(command)) {
      own[command].apply(null, Array.prototype.slice.call(arguments, 2));
      return;
    }
    // Each widget silently ignores the other one's API: say so instead.
    var why = MODE !== 'classic' && scope === 'webWidget' ? 'the Classic widget API, which the messaging widget ignores'
        : MODE === 'classic' && scope === 'messenger' ? 'the messaging widget API, which the Classic widget ignores'
        : 'not supported by the emulator';
    record('unsupported', null, "zE('" + scope + "', '" + command + "'): " + why);
    warn("zE('" + scope + "', '" + command + "') is " + why);
  }

  function style(element, properties) {
    for (var name in properties) {
      if (properties.hasOwnProperty(name)) {
        element.style[name] = properties[name]; // CSSOM, so a strict style-src CSP allows it
      }
    }
  }

  function buildUi() {
    if (ui || !document.body) {
      return;
    }
    var launcher = document.createElement('button');
    launcher.id = 'zw-emulator-launcher';
    launcher.type = 'button';
    launcher.textContent = 'Chat (emulator)';
    style(launcher, {position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483000',
      padding: '10px 16px', border: '0', borderRadius: '20px', background: '#17494d',
      color: '#fff', font: '14px sans-serif', cursor: 'pointer'});
    launcher.addEventListener('click', function () {
      setOpen(!emu.open);
    });
    var panel = document.createElement('div');
    panel.id = 'zw-emulator-panel';
    style(panel, {position: 'fixed', right: '16px', bottom: '64px', width: '300px', padding: '12px',
      background: '#fff', color: '#222', border: '1px solid #ccc', borderRadius: '8px',
      font: '14px sans-serif', zIndex: '2147483000', boxShadow: '0 4px 16px rgba(0,0,0,.2)'});
    var title = document.createElement('div');
    title.textContent = (MODE === 'classic' ? 'Zendesk Chat (Classic widget)' : 'Zendesk messaging')
        + ' \u2014 offline emulator';
    style(title, {fontWeight: 'bold', marginBottom: '8px'});
    var status = document.createElement('div');
    status.id = 'zw-emulator-status';
    panel.appendChild(title);
    panel.appendChild(status);
    document.body.appendChild(panel);
    document.body.appendChild(launcher);
    ui = {panel: panel, status: status};
    render();
  }

  function render() {
    if (!ui) {
      return;
    }
    var user = emu.user;
    var text = 'Anonymous visitor';
    if (emu.state === 'signedIn' && user) {
      text = 'Signed in as ' + (user.name || user.externalId) + ' \u2014 external_id ' + user.externalId + ' \u2713';
    } else if (emu.state === 'verifying') {
      text = 'Checking the token\u2026';
    } else if (emu.state === 'rejected') {
      text = 'Sign-in rejected: ' + emu.reason;
    }
    ui.status.textContent = text;
    ui.status.style.color = emu.state === 'rejected' ? '#c00' : '#222';
    ui.status.setAttribute('data-state', emu.state);
    ui.panel.style.display = emu.open ? 'block' : 'none';
  }

  var stub = window.zE;
  var queued = stub && (stub.q || stub.queue || stub._);
  window.zE = zE;
  if (!emu.key) {
    warn('the script URL has no key= (Zendesk needs the widget key there)');
  }
  if (MODE === 'classic') {
    classicSignIn();
  } else if (window.zESettings && window.zESettings.webWidget) {
    record('unsupported', null, 'window.zESettings.webWidget is read by the Classic widget only');
    warn('window.zESettings.webWidget is read by the Classic widget only');
  }
  if (document.body) {
    buildUi();
  } else {
    document.addEventListener('DOMContentLoaded', buildUi);
  }
  if (queued && queued.length) {
    for (var i = 0; i < queued.length; i++) {
      zE.apply(null, Array.prototype.slice.call(queued[i]));
    }
  }
})();
