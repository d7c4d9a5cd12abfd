/* 热线坐席台 — the call screen: calls, the transcript, what the caller said, the facts drawer, errors, shortcuts.
 * Plain JavaScript, no framework, no build step; the answer side is console-cards.js (window.ConsoleUI).
 * Every piece of text that came from a caller, the bot or the server is put into the page with textContent
 * (through el()); innerHTML is never used. */
(function () {
  'use strict';

  var UI = window.ConsoleUI;
  var el = UI.el, add = UI.add, clear = UI.clear, $ = UI.$, optionList = UI.optionList;
  var boot = JSON.parse(document.getElementById('boot').textContent);
  var csrf = document.querySelector('meta[name="console-csrf"]').getAttribute('content');
  var P = boot.prefix;
  var vocab = boot.vocab;
  var factSpec = {};
  vocab.facts.forEach(function (f) { factSpec[f.name] = f; });

  var sid = null;
  var view = null;
  var extraFacts = [];          // facts the operator chose to add to the panel
  var failed = {};              // field → {value, message}: an edit the server refused, kept as typed
  var changed = {};             // field → true: changed by the caller's last sentence
  var ctx = { checklistId: null, sid: function () { return sid; }, api: api };

  // ------------------------------------------------------------------------------------------ messages
  function setStatus(text, isError) {
    var s = $('say-status');
    s.textContent = text || '';
    s.className = 'status' + (isError ? ' error' : '');
  }
  function flash(text) {
    var h = $('hint');
    h.textContent = text;
    h.className = 'hint flash';
  }
  var retryAction = null;
  function showError(message, retry) {
    $('alert-text').textContent = message;
    retryAction = retry || null;
    $('alert-retry').hidden = !retry;
    $('alert').hidden = false;
  }
  function hideError() { $('alert').hidden = true; retryAction = null; }

  // ------------------------------------------------------------------------------------------ API
  var NETWORK = '连不上坐席台服务器：网络断了，或服务器没有在运行。请检查网络后点“重试”；一直不行请联系维护人员。';
  function statusMessage(status) {
    if (status === 502 || status === 503 || status === 504) {
      return '服务器暂时没有响应（' + status + '），可能正在重启。请稍等片刻后点“重试”。';
    }
    if (status === 413) return '内容太大，服务器不收（413）。请删短一些再试。';
    if (status >= 500) return '服务器出错了（' + status + '），这次没有办成。请点“重试”；一直出错请联系维护人员。';
    return '请求没有办成（' + status + '），请刷新页面后再试。';
  }
  function api(method, path, body) {
    var opts = { method: method, credentials: 'same-origin',
                 headers: { 'X-Console-CSRF': csrf, 'Accept': 'application/json' } };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    return fetch(P + path, opts).catch(function () { throw new Error(NETWORK); }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (data) {
        if (r.status === 401) { window.location.href = P + '/login'; throw new Error('登录已过期，请重新登录'); }
        if (!r.ok) throw new Error((data && data.error) || statusMessage(r.status));
        if (!data) throw new Error('服务器返回的内容看不懂，请点“重试”。');
        return data;
      });
    });
  }

  // ------------------------------------------------------------------------------------------ calls
  function loadList() {
    return api('GET', '/api/conversations?scope=' + encodeURIComponent($('scope').value)).then(function (d) {
      var ul = clear($('conversation-list'));
      if (!d.conversations.length) ul.appendChild(el('li', { class: 'empty', text: '还没有通话' }));
      d.conversations.forEach(function (c) {
        ul.appendChild(el('li', { class: 'conv' + (c.sender_id === sid ? ' current' : ''), data: { sid: c.sender_id } },
          el('button', { type: 'button', class: 'conv-open', title: c.sender_id,
                         on: { click: function () { openConversation(c.sender_id); closeDrawers(); } } },
            el('span', { class: 'conv-title', text: c.title }),
            c.handover ? el('span', { class: 'badge human', text: '人工' }) : null,
            el('span', { class: 'conv-meta', text: c.user_messages + '句' + (c.writable ? '' : ' · 只能查看') }),
            el('span', { class: 'conv-last', text: c.last_text || '' }))));
      });
    }).catch(function (e) { showError('通话列表没有刷新：' + e.message, loadList); });
  }

  function reset() { extraFacts = []; failed = {}; changed = {}; ctx.checklistId = null; show($('kept'), null); show($('changes'), null); }

  function newCall() {
    return api('POST', '/api/conversations', {}).then(function (d) {
      reset();
      hideError();
      setStatus('');
      sid = d.sid;
      window.location.hash = 'sid=' + encodeURIComponent(sid);
      render(d.view);
      $('say-text').focus();
      loadList();
    }).catch(function (e) { showError('没能开始新来电：' + e.message, newCall); });
  }

  function openConversation(s) {
    return api('GET', '/api/conversation?sid=' + encodeURIComponent(s)).then(function (d) {
      if (s !== sid) reset();
      hideError();
      sid = s;
      window.location.hash = 'sid=' + encodeURIComponent(sid);
      render(d);
      loadList();
    }).catch(function (e) { showError('没能打开这个通话：' + e.message, function () { return openConversation(s); }); });
  }

  function send(text) {
    text = (text || '').trim();
    if (!text) { setStatus('请先输入来电人说的话', true); return Promise.resolve(); }
    var go = sid ? Promise.resolve() : newCall();
    $('say-send').disabled = true;
    setStatus('正在问助手……');
    return go.then(function () {
      return api('POST', '/api/message', { sid: sid, text: text });
    }).then(function (d) {
      hideError();
      if ($('say-text').value.trim() === text) $('say-text').value = '';
      changed = {};
      (d.changes || []).forEach(function (c) { changed[c.field] = true; });
      showChanges(d.changes || [], d.kept || []);
      render(d.view);
      $('answers').scrollTop = 0;
      setStatus(d.suppressed ? '人工接管中：机器人的' + d.suppressed + '条回复没有显示给来电人' : '');
      loadList();
    }).catch(function (e) {
      setStatus('没有发出去，输入的话还在框里', true);
      showError(e.message, function () { return send(text); });
    }).then(function () { $('say-send').disabled = false; $('say-text').focus(); });
  }

  function show(box, nodes) {
    clear(box);
    add(box, nodes);
    box.hidden = !nodes;
  }

  function showChanges(changes, kept) {
    show($('changes'), changes.length ? [el('b', { text: '刚才记下：' }),
      changes.map(function (c, i) {
        return el('span', { class: 'change' + (i ? ' sep' : '') }, c.label + '：' + c.before + ' → ' + c.after);
      })] : null);
    show($('kept'), kept.length ? kept.map(function (k) {
      return el('div', { class: 'kept-item', data: { field: k.field } },
        '您改过的“' + k.label + '”保留为“' + k.kept + '”（来电人的话会改成“' + k.caller + '”）。机器人这条回复按来电人的话算，卡片按您改的算。',
        el('button', { type: 'button', class: 'use-caller', text: '改用来电人说的',
                       on: { click: function () { saveField(k.field, k.caller_value, false); } } }));
    }) : null);
  }

  function saveField(field, value, keep) {
    var body = { sid: sid, field: field, value: value };
    if (keep === false) body.keep = false;
    return api('POST', '/api/slots', body).then(function (d) {
      delete failed[field];
      $('panel-error').hidden = true;
      if (keep === false) show($('kept'), null);
      render(d.view);
      flash('已更新“' + labelOf(field) + '”，答案已重新计算');
      loadList();
    }).catch(function (e) {
      failed[field] = { value: value, message: e.message };
      var pe = $('panel-error');
      pe.textContent = '“' + labelOf(field) + '”没有改成：' + e.message + '（填的内容还在，改好后再离开这一栏）';
      pe.hidden = false;
      openFacts();
      markFailed();
    });
  }

  function labelOf(field) {
    if (field === 'place') return '地点';
    if (field === 'topic') return '问的是';
    if (field === 'role') return '谁来领';
    if (field === 'category') return vocab.category_label;
    return factSpec[field] ? factSpec[field].label : field;
  }

  function toggleHandover() {
    if (!sid || !view || !view.writable) return;
    var want = !view.handover.active;
    api('POST', '/api/handover', { sid: sid, active: want }).then(function (d) {
      hideError();
      view.handover = d.handover;
      renderHandover();
      setStatus(d.handover.active ? '已转人工：机器人的回复不再显示给来电人' : '已交回机器人：机器人继续答复');
      loadList();
    }).catch(function (e) { showError((want ? '没能转人工：' : '没能交回机器人：') + e.message, toggleHandover); });
  }

  // ------------------------------------------------------------------------------------------ rendering
  function render(v) {
    if (!view || view.sid !== v.sid) $('panel-error').hidden = true;    // an error about another call is stale
    view = v;
    $('sid').textContent = v.sid || '（未选）';
    $('call-title').textContent = v.title || '新来电';
    $('as-of').textContent = v.as_of;
    renderHandover();
    renderTranscript();
    renderPanel();
    UI.conclusion(v);
    UI.coverage(v);
    UI.cards(v, ctx);
    UI.checklist(v, ctx);
  }

  function renderHandover() {
    var h = view.handover || { active: false };
    var btn = $('handover-toggle');
    btn.disabled = !view.writable;
    btn.textContent = h.active ? '交回机器人' : '转人工';
    var st = $('handover-status');
    st.textContent = h.active ? '人工接管中' + (h.operator ? '（' + h.operator + '）' : '') : '机器人答复中';
    st.className = 'badge ' + (h.active ? 'human' : 'bot');
    $('handover-banner').hidden = !h.active;
    document.body.classList.toggle('handed-over', !!h.active);
  }

  function renderTranscript() {
    var ol = clear($('transcript'));
    if (!view.transcript.length) {
      ol.appendChild(el('li', { class: 'msg system', text: view.writable ? '新来电：把来电人说的话输入下面的框里，按 Enter 发送。' : '这个通话只能查看。' }));
    }
    view.transcript.forEach(function (m) {
      if (m.type === 'session') { ol.appendChild(el('li', { class: 'msg system', text: '—— 新的会话 ——' })); return; }
      if (m.type === 'user') {
        ol.appendChild(el('li', { class: 'msg user' },
          el('span', { class: 'who', text: '来电人' + (m.handover ? '（当时人工接管）' : '') }),
          el('div', { class: 'text', text: m.text })));
        return;
      }
      var li = el('li', { class: 'msg bot' + (m.suppressed ? ' suppressed' : '') },
        el('span', { class: 'who', text: m.suppressed ? '机器人（人工接管，未发送）' : '机器人' }),
        el('div', { class: 'text', text: m.text }));
      if (m.buttons && m.buttons.length && view.writable) {
        li.appendChild(el('div', { class: 'buttons' }, m.buttons.map(function (b) {
          return el('button', { type: 'button', class: 'chip', title: '代来电人选：' + b.title,
                                on: { click: function () { send(b.payload); } }, text: b.title });
        })));
      }
      li.appendChild(UI.feedbackWidget({ answer: m.text }, '标记这条回复', ctx));
      ol.appendChild(li);
    });
    ol.scrollTop = ol.scrollHeight;
  }

  function row(field, label, control, extra) {
    var locked = view.locked && view.locked.indexOf(field) >= 0;
    return el('div', { class: 'field' + (changed[field] ? ' changed' : '') + (locked ? ' locked' : ''), data: { field: field } },
      el('label', { class: 'label', text: label }),
      el('div', { class: 'control' }, control,
        locked ? el('span', { class: 'badge lock', title: '来电人后面说的话不会改掉它', text: '坐席改的' }) : null,
        changed[field] ? el('span', { class: 'badge new', text: '刚记下' }) : null), extra || null);
  }

  var UNITS = { months: '个月', money: '元', count: '人', days: '天', hours: '课时', years: '岁', ratio: '%' };
  var HINTS = { months: '如 1年、一年半、6个月', money: '如 680、两千五', count: '如 10、十二个', days: '如 15天' };

  function factControl(spec, value) {
    var name = spec.name;
    if (spec.type === 'bool') {
      var s = optionList(el('select', { 'aria-label': spec.label, data: { fact: name } }),
        [['true', '是'], ['false', '否']], value === null || value === undefined ? null : String(value));
      s.addEventListener('change', function () { saveField(name, s.value === '' ? null : s.value === 'true'); });
      return s;
    }
    if (spec.type === 'enum') {
      var e = optionList(el('select', { 'aria-label': spec.label, data: { fact: name } }),
        spec.choices.map(function (c) { return [c, c]; }), value);
      e.addEventListener('change', function () { saveField(name, e.value || null); });
      return e;
    }
    var shown = value === null || value === undefined ? '' : (spec.type === 'ratio' ? String(Math.round(value * 10000) / 100) : String(value));
    var inp = el('input', { type: 'text', value: shown, size: 10, maxlength: 20, placeholder: HINTS[spec.type] || '',
                            'aria-label': spec.label, data: { fact: name } });
    inp.addEventListener('change', function () {
      var t = inp.value.trim();
      saveField(name, t === '' ? null : (spec.type === 'ratio' && !/%$/.test(t) ? t + '%' : t));
    });
    return [inp, el('span', { class: 'unit', text: UNITS[spec.type] || '' })];
  }

  function markFailed() {
    Object.keys(failed).forEach(function (field) {
      var f = $('panel').querySelector('.field[data-field="' + field + '"]');
      if (!f) return;
      f.classList.add('invalid');
      var c = f.querySelector('input[type=text]');
      if (c && typeof failed[field].value === 'string') c.value = failed[field].value;
      if (c) c.setAttribute('aria-invalid', 'true');
      if (!f.querySelector('.bad')) f.appendChild(el('div', { class: 'bad', text: '没改成：' + failed[field].message }));
    });
  }

  function renderPanel() {
    var p = view.panel;
    var box = clear($('panel'));
    var pending = $('pending');
    show(pending, p.pending ? [el('b', { text: '机器人在等来电人回答：' }), p.pending.question] : null);

    var place = el('input', { type: 'text', id: 'field-place', value: p.place.value || '', list: 'place-options',
                              maxlength: 100, placeholder: '如：千阳县、汉阴县', 'aria-label': '地点' });
    place.addEventListener('change', function () { saveField('place', place.value.trim() || null); });
    var dl = el('datalist', { id: 'place-options' }, vocab.places.map(function (x) { return el('option', { value: x }); }));
    box.appendChild(row('place', '地点', [place, dl],
      p.place.value && !p.place.covered ? el('div', { class: 'note warn', text: '这个地方没有收录的政策文件' }) : null));

    var topic = optionList(el('select', { id: 'field-topic', 'aria-label': '问的是' }), vocab.topics, p.topic.value);
    topic.addEventListener('change', function () { saveField('topic', topic.value || null); });
    box.appendChild(row('topic', '问的是', topic));

    var role = optionList(el('select', { id: 'field-role', 'aria-label': '谁来领' }), vocab.roles, p.role.value);
    role.addEventListener('change', function () { saveField('role', role.value || null); });
    box.appendChild(row('role', '谁来领', role));

    var cats = el('div', { class: 'cats', id: 'field-category' });
    vocab.categories.forEach(function (c) {
      var cb = el('input', { type: 'checkbox', value: c, checked: p.category.value.indexOf(c) >= 0 });
      cb.addEventListener('change', function () {
        var chosen = Array.prototype.slice.call(cats.querySelectorAll('input:checked')).map(function (x) { return x.value; });
        saveField('category', chosen.length ? chosen : null);
      });
      var not = p.category.not.indexOf(c) >= 0;
      cats.appendChild(el('label', { class: 'cat' + (not ? ' not' : ''), title: not ? '来电人说过“不是”' : '' }, cb, c));
    });
    box.appendChild(row('category', p.category.label, cats,
      p.category.needed ? el('div', { class: 'ask', text: '要问：' + p.category.question }) : null));

    // facts: known ones, then the ones the answers still need, then any the operator added
    var shown = {};
    var needed = 0;
    p.facts.forEach(function (f) {
      shown[f.name] = true;
      if (f.needed) needed++;
      box.appendChild(row(f.name, f.label, factControl(f, f.value),
        f.needed ? el('div', { class: 'ask', text: '要问：' + f.question }) : null));
    });
    extraFacts.forEach(function (name) {
      if (shown[name] || !factSpec[name]) return;
      shown[name] = true;
      box.appendChild(row(name, factSpec[name].label, factControl(factSpec[name], null),
        el('div', { class: 'ask', text: '可问：' + factSpec[name].question })));
    });
    var adder = optionList(el('select', { id: 'add-fact', 'aria-label': '添加其他情况' }),
      vocab.facts.filter(function (f) { return !shown[f.name]; }).map(function (f) { return [f.name, f.label]; }),
      null, '＋ 添加其他情况……');
    adder.addEventListener('change', function () {
      if (adder.value) { extraFacts.push(adder.value); renderPanel(); }
    });
    box.appendChild(el('div', { class: 'field add' }, adder));
    Array.prototype.forEach.call(box.querySelectorAll('input, select'), function (c) { c.disabled = !view.writable; });
    markFailed();
    needed += p.category.needed ? 1 : 0;
    $('facts-toggle').textContent = '来电人情况' + (needed ? '（还要问' + needed + '项）' : '');
  }

  // ------------------------------------------------------------------------------------------ drawers
  function setDrawer(id, toggle, open) {
    $(id).classList.toggle('open', open);
    $(toggle).setAttribute('aria-expanded', open ? 'true' : 'false');
    $('scrim').hidden = !($('facts-drawer').classList.contains('open') || $('calls').classList.contains('open'));
  }
  function openFacts() { setDrawer('facts-drawer', 'facts-toggle', true); }
  function closeDrawers() { setDrawer('facts-drawer', 'facts-toggle', false); setDrawer('calls', 'calls-toggle', false); }

  // ------------------------------------------------------------------------------------------ wiring
  $('say-form').addEventListener('submit', function (ev) { ev.preventDefault(); send($('say-text').value); });
  $('say-text').addEventListener('keydown', function (ev) {
    // Enter sends (as in WeChat), Shift+Enter makes a new line; never while an input method is composing
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
      ev.preventDefault();
      send($('say-text').value);
    }
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') { closeDrawers(); return; }
    if (!ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var keys = {
      KeyN: newCall,
      KeyH: toggleHandover,
      KeyC: function () { var b = $('copy-checklist'); if (b) b.click(); },
      KeyF: function () { setDrawer('facts-drawer', 'facts-toggle', !$('facts-drawer').classList.contains('open')); },
      KeyL: function () { setDrawer('calls', 'calls-toggle', !$('calls').classList.contains('open')); }
    };
    if (keys[ev.code]) { ev.preventDefault(); keys[ev.code](); }
  });
  $('new-call').addEventListener('click', function () { newCall(); closeDrawers(); });
  $('refresh-list').addEventListener('click', loadList);
  $('scope').addEventListener('change', loadList);
  $('handover-toggle').addEventListener('click', toggleHandover);
  $('facts-toggle').addEventListener('click', function () { setDrawer('facts-drawer', 'facts-toggle', !$('facts-drawer').classList.contains('open')); });
  $('facts-close').addEventListener('click', closeDrawers);
  $('calls-toggle').addEventListener('click', function () { setDrawer('calls', 'calls-toggle', !$('calls').classList.contains('open')); });
  $('scrim').addEventListener('click', closeDrawers);
  $('alert-close').addEventListener('click', hideError);
  $('alert-retry').addEventListener('click', function () { var again = retryAction; hideError(); if (again) again(); });

  var m = /sid=([^&]+)/.exec(window.location.hash || '');
  (m ? openConversation(decodeURIComponent(m[1])) : newCall()).then(function () { $('say-text').focus(); });
})();
