/* 热线坐席台 — plain JavaScript, no framework, no build step.
 * Every piece of text that came from a caller, the bot or the server is put into the page with textContent
 * (through el() below); innerHTML is never used. */
(function () {
  'use strict';

  var boot = JSON.parse(document.getElementById('boot').textContent);
  var csrf = document.querySelector('meta[name="console-csrf"]').getAttribute('content');
  var P = boot.prefix;
  var vocab = boot.vocab;
  var factSpec = {};
  vocab.facts.forEach(function (f) { factSpec[f.name] = f; });

  var sid = null;
  var view = null;
  var checklistId = null;
  var extraFacts = [];          // facts the operator chose to add to the panel

  // ------------------------------------------------------------------------------------------ DOM helpers
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k === 'on') Object.keys(v).forEach(function (ev) { node.addEventListener(ev, v[ev]); });
        else if (k === 'data') Object.keys(v).forEach(function (d) { node.dataset[d] = v[d]; });
        else if (k in node && typeof v !== 'string') node[k] = v;
        else node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) add(node, arguments[i]);
    return node;
  }
  function add(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { add(node, c); }); return; }
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function $(id) { return document.getElementById(id); }

  function setStatus(text, isError) {
    var s = $('say-status');
    s.textContent = text || '';
    s.className = 'status' + (isError ? ' error' : '');
  }
  function panelError(text) {
    var e = $('panel-error');
    e.textContent = text || '';
    e.hidden = !text;
  }

  // ------------------------------------------------------------------------------------------ API
  function api(method, path, body) {
    var opts = { method: method, credentials: 'same-origin',
                 headers: { 'X-Console-CSRF': csrf, 'Accept': 'application/json' } };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    return fetch(P + path, opts).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (data) {
        if (r.status === 401) { window.location.href = P + '/login'; throw new Error('登录已过期，请重新登录'); }
        if (!r.ok) throw new Error((data && data.error) || ('请求失败（' + r.status + '）'));
        return data;
      });
    });
  }

  // ------------------------------------------------------------------------------------------ conversations
  function loadList() {
    return api('GET', '/api/conversations?scope=' + encodeURIComponent($('scope').value)).then(function (d) {
      var ul = clear($('conversation-list'));
      if (!d.conversations.length) ul.appendChild(el('li', { class: 'empty', text: '还没有对话' }));
      d.conversations.forEach(function (c) {
        var li = el('li', { class: 'conv' + (c.sender_id === sid ? ' current' : ''), data: { sid: c.sender_id } },
          el('button', { type: 'button', class: 'conv-open', on: { click: function () { openConversation(c.sender_id); } } },
            el('span', { class: 'conv-sid', text: c.sender_id }),
            c.handover ? el('span', { class: 'badge human', text: '人工' }) : null,
            el('span', { class: 'conv-meta', text: c.time + ' · ' + c.user_messages + '句' }),
            el('span', { class: 'conv-last', text: c.last_text || '' })));
        ul.appendChild(li);
      });
    }).catch(function (e) { setStatus(e.message, true); });
  }

  function newCall() {
    return api('POST', '/api/conversations', {}).then(function (d) {
      extraFacts = [];
      checklistId = null;
      sid = d.sid;
      window.location.hash = 'sid=' + encodeURIComponent(sid);
      render(d.view);
      $('say-text').focus();
    }).catch(function (e) { setStatus(e.message, true); });
  }

  function openConversation(s) {
    return api('GET', '/api/conversation?sid=' + encodeURIComponent(s)).then(function (d) {
      if (s !== sid) { extraFacts = []; checklistId = null; }
      sid = s;
      window.location.hash = 'sid=' + encodeURIComponent(sid);
      render(d);
      loadList();
    }).catch(function (e) { setStatus(e.message, true); });
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
      $('say-text').value = '';
      panelError('');
      render(d.view);
      setStatus(d.suppressed ? '人工接管中：机器人的' + d.suppressed + '条回复没有显示' : '');
      loadList();
    }).catch(function (e) { setStatus(e.message, true); })
      .then(function () { $('say-send').disabled = false; });
  }

  function saveField(field, value) {
    panelError('');
    return api('POST', '/api/slots', { sid: sid, field: field, value: value }).then(function (d) {
      render(d.view);
      flash('已更新“' + labelOf(field) + '”，答案已重新计算');
      loadList();
    }).catch(function (e) { panelError(e.message); if (view) render(view); });
  }

  function labelOf(field) {
    if (field === 'place') return '地点';
    if (field === 'topic') return '问的是';
    if (field === 'role') return '谁来领';
    if (field === 'category') return vocab.category_label;
    return factSpec[field] ? factSpec[field].label : field;
  }

  function flash(text) {
    var h = $('hint');
    h.textContent = text;
    h.className = 'hint flash';
  }

  function toggleHandover() {
    if (!sid || !view) return;
    var want = !view.handover.active;
    api('POST', '/api/handover', { sid: sid, active: want }).then(function (d) {
      view.handover = d.handover;
      renderHandover();
      loadList();
    }).catch(function (e) { setStatus(e.message, true); });
  }

  // ------------------------------------------------------------------------------------------ rendering
  function render(v) {
    if (!view || view.sid !== v.sid) panelError('');    // an error about another conversation is stale
    view = v;
    $('sid').textContent = v.sid || '（未选）';
    $('as-of').textContent = v.as_of;
    renderHandover();
    renderTranscript();
    renderPanel();
    renderCoverage();
    renderCards();
    renderChecklist();
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
      ol.appendChild(el('li', { class: 'msg system', text: view.writable ? '新来电：把来电人说的话输入下面的框里。' : '这个对话只能查看。' }));
    }
    view.transcript.forEach(function (m) {
      if (m.type === 'session') { ol.appendChild(el('li', { class: 'msg system', text: '—— 新的会话 ——' })); return; }
      if (m.type === 'user') {
        ol.appendChild(el('li', { class: 'msg user' },
          el('span', { class: 'who', text: '来电人' + (m.handover ? '（人工接管中）' : '') }),
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
      li.appendChild(feedbackWidget({ answer: m.text }, '标记这条回复'));
      ol.appendChild(li);
    });
    ol.scrollTop = ol.scrollHeight;
  }

  function optionList(select, pairs, current, unknownLabel) {
    select.appendChild(el('option', { value: '', text: unknownLabel || '未知' }));
    pairs.forEach(function (p) {
      var o = el('option', { value: p[0], text: p[1] });
      if (current !== null && current !== undefined && String(current) === p[0]) o.selected = true;
      select.appendChild(o);
    });
    return select;
  }

  function row(field, label, control, extra) {
    return el('div', { class: 'field', data: { field: field } },
      el('label', { class: 'label', text: label }), el('div', { class: 'control' }, control), extra || null);
  }

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
    var unit = { months: '个月', money: '元', count: '人', days: '天', hours: '课时', years: '岁', ratio: '%' }[spec.type] || '';
    var shown = value === null || value === undefined ? '' : (spec.type === 'ratio' ? String(Math.round(value * 10000) / 100) : String(value));
    var inp = el('input', { type: 'text', inputmode: 'decimal', value: shown, size: 8, maxlength: 20,
                            'aria-label': spec.label, data: { fact: name } });
    inp.addEventListener('change', function () {
      var t = inp.value.trim();
      saveField(name, t === '' ? null : (spec.type === 'ratio' && !/%$/.test(t) ? t + '%' : t));
    });
    return [inp, el('span', { class: 'unit', text: unit })];
  }

  function renderPanel() {
    var p = view.panel;
    var box = clear($('panel'));
    var ro = !view.writable;

    var pending = $('pending');
    if (p.pending) {
      clear(pending);
      add(pending, [el('b', { text: '机器人在等来电人回答：' }), p.pending.question]);
      pending.hidden = false;
    } else pending.hidden = true;

    // place
    var place = el('input', { type: 'text', id: 'field-place', value: p.place.value || '', list: 'place-options',
                              maxlength: 100, placeholder: '如：千阳县、汉阴县', 'aria-label': '地点' });
    place.addEventListener('change', function () { saveField('place', place.value.trim() || null); });
    var dl = el('datalist', { id: 'place-options' }, vocab.places.map(function (x) { return el('option', { value: x }); }));
    box.appendChild(row('place', '地点', [place, dl],
      p.place.value && !p.place.covered ? el('div', { class: 'note warn', text: '这个地方没有收录的政策文件' }) : null));

    // topic
    var topic = optionList(el('select', { id: 'field-topic', 'aria-label': '问的是' }), vocab.topics, p.topic.value);
    topic.addEventListener('change', function () { saveField('topic', topic.value || null); });
    box.appendChild(row('topic', '问的是', topic));

    // role
    var role = optionList(el('select', { id: 'field-role', 'aria-label': '谁来领' }), vocab.roles, p.role.value);
    role.addEventListener('change', function () { saveField('role', role.value || null); });
    box.appendChild(row('role', '谁来领', role));

    // categories
    var cats = el('div', { class: 'cats', id: 'field-category' });
    vocab.categories.forEach(function (c) {
      var cb = el('input', { type: 'checkbox', value: c, checked: p.category.value.indexOf(c) >= 0 });
      cb.addEventListener('change', function () {
        var chosen = Array.prototype.slice.call(cats.querySelectorAll('input:checked')).map(function (x) { return x.value; });
        saveField('category', chosen.length ? chosen : null);
      });
      var cls = 'cat' + (p.category.not.indexOf(c) >= 0 ? ' not' : '');
      cats.appendChild(el('label', { class: cls, title: p.category.not.indexOf(c) >= 0 ? '来电人说过“不是”' : '' }, cb, c));
    });
    box.appendChild(row('category', p.category.label, cats,
      p.category.needed ? el('div', { class: 'ask', text: '要问：' + p.category.question }) : null));

    // facts: known ones, then the ones the answers still need, then any the operator added
    var shown = {};
    p.facts.forEach(function (f) {
      shown[f.name] = true;
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

    Array.prototype.forEach.call(box.querySelectorAll('input, select'), function (c) { c.disabled = ro; });
  }

  function renderCoverage() {
    var c = clear($('coverage'));
    var cov = view.coverage;
    if (cov && !cov.covered) c.appendChild(el('p', { class: 'warn', text: cov.text }));
    if (cov && cov.covered) {
      cov.documents.forEach(function (d) {
        c.appendChild(el('p', { class: 'doc' + (d.ended ? ' ended' : '') },
          el('b', { text: d.document_no }), ' 《' + d.title + '》 ', el('span', { class: 'validity', text: d.validity })));
      });
    }
    var h = $('hint');
    h.textContent = view.hint || '';
    h.className = 'hint';
  }

  function list(cls, items, mark) {
    if (!items.length) return null;
    return el('ul', { class: 'conds ' + cls }, items.map(function (o) {
      var li = el('li', null, el('span', { class: 'mark', text: mark }), ' ', o.text);
      if (o.questions && o.questions.length) {
        li.appendChild(el('div', { class: 'ask' }, '要问：', o.questions.map(function (q) { return q.question; }).join(' / ')));
      }
      return li;
    }));
  }

  function showSteps(a) {
    // a one-line rule ("每人每次500元") is already said by the amount and the rule: show real calculations only
    return a.steps.length > 1 || (a.steps.length === 1 && a.steps[0].indexOf('=') >= 0);
  }

  function renderCards() {
    var box = clear($('cards'));
    if (!view.cards.length) {
      box.appendChild(el('p', { class: 'empty', text: '暂无答案卡片。' }));
      return;
    }
    view.cards.forEach(function (c) {
      var a = c.amount;
      var cardEl = el('article', { class: 'card ' + c.status + (c.ended ? ' ended' : ''), data: { benefit: c.id } },
        el('header', null,
          el('h3', { class: 'card-name', text: c.name }),
          el('span', { class: 'badge status ' + c.status, text: c.status_text }),
          c.said_by_bot ? el('span', { class: 'badge said', text: '机器人已答' }) : null,
          c.ended ? el('span', { class: 'badge ended', text: '政策已到期' }) : null),
        el('div', { class: 'amount' }, el('span', { class: 'amount-line', text: showSteps(a) ? a.headline : a.line })),
        showSteps(a) ? el('ol', { class: 'steps' }, a.steps.map(function (s) { return el('li', { text: s }); })) : null,
        a.rule && a.rule !== a.line ? el('div', { class: 'rule', text: '计算办法：' + a.rule }) : null,
        a.missing.length ? el('div', { class: 'ask', text: '算金额还要问：' + a.missing.map(function (m) { return m.question; }).join(' / ') }) : null,
        el('div', { class: 'payee' + (c.payee.personal ? '' : ' not-personal') }, c.payee.text),
        el('div', { class: 'conditions' },
          list('met', c.conditions.met, '✓'),
          list('failed', c.conditions.failed, '✗'),
          list('unknown', c.conditions.unknown, '？')),
        c.reasons.length ? el('div', { class: 'reasons', text: '不符合的原因：' + c.reasons.join('；') }) : null,
        c.partners.length ? el('div', { class: 'note', text: '注意：与' + c.partners.join('、') + '不能同时享受' }) : null,
        c.limits.length ? el('div', { class: 'note', text: '限制：' + c.limits.join('；') }) : null,
        c.notes.map(function (n) { return el('div', { class: 'note', text: '注：' + n }); }),
        el('div', { class: 'apply', text: [c.apply.office ? '去哪办：' + c.apply.office : '去哪办：文件未写明，请问' + c.apply.contact_office,
                                           c.apply.window ? '时间：' + c.apply.window : ''].filter(Boolean).join('；') }),
        el('div', { class: 'citation' },
          el('div', null, '依据：', el('b', { class: 'docno', text: c.citation.document_no }), ' ', c.citation.clause,
             ' 《' + c.citation.title + '》'),
          c.citation.quotes.map(function (q) { return el('blockquote', { class: 'quote', text: '“' + q + '”' }); })),
        el('div', { class: 'validity' + (c.ended ? ' ended-warning' : ''), text: c.validity }),
        el('div', { class: 'card-actions' },
          el('button', { type: 'button', class: 'show-checklist', on: { click: function () { checklistId = c.id; renderChecklist(); $('checklist').scrollIntoView({ block: 'nearest' }); } },
             text: '看材料清单' }),
          feedbackWidget({ benefit_id: c.id }, '标记有误/过时')));
      box.appendChild(cardEl);
    });
  }

  function feedbackWidget(target, label) {
    var wrap = el('span', { class: 'feedback' });
    var open = el('button', { type: 'button', class: 'mark-wrong', text: label });
    var form = el('form', { class: 'feedback-form', hidden: true });
    var kind = el('select', { name: 'kind', 'aria-label': '问题类型' },
      el('option', { value: 'wrong', text: '答案有误' }), el('option', { value: 'outdated', text: '政策过时' }));
    var comment = el('textarea', { name: 'comment', rows: 2, maxlength: 1000, placeholder: '哪里不对？应该是什么？（必填）' });
    var status = el('span', { class: 'status' });
    form.appendChild(kind);
    form.appendChild(comment);
    form.appendChild(el('button', { type: 'submit', text: '提交' }));
    form.appendChild(el('button', { type: 'button', text: '取消', on: { click: function () { form.hidden = true; } } }));
    form.appendChild(status);
    open.addEventListener('click', function () { form.hidden = !form.hidden; if (!form.hidden) comment.focus(); });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { sid: sid, kind: kind.value, comment: comment.value };
      Object.keys(target).forEach(function (k) { body[k] = target[k]; });
      api('POST', '/api/feedback', body).then(function () {
        status.textContent = '已记录，可在“答案审核”页查看';
        status.className = 'status ok';
        comment.value = '';
      }).catch(function (e) { status.textContent = e.message; status.className = 'status error'; });
    });
    wrap.appendChild(open);
    wrap.appendChild(form);
    return wrap;
  }

  function renderChecklist() {
    var box = clear($('checklist'));
    var lists = view.checklists || [];
    if (!lists.length) { box.appendChild(el('p', { class: 'empty', text: '暂无材料清单。' })); return; }
    var c = lists.filter(function (x) { return x.benefit_id === checklistId; })[0] || lists[0];
    var pick = null;
    if (lists.length > 1) {
      pick = optionList(el('select', { id: 'checklist-pick', 'aria-label': '哪项补贴的材料' }),
        lists.map(function (x) { return [x.benefit_id, x.name]; }), c.benefit_id, '选择补贴项目');
      pick.addEventListener('change', function () { if (pick.value) { checklistId = pick.value; renderChecklist(); } });
    }
    var copyStatus = el('span', { class: 'status', id: 'copy-status', role: 'status' });
    var copied = el('pre', { class: 'copy-preview', id: 'copy-preview', text: c.copy_text });
    var btn = el('button', { type: 'button', id: 'copy-checklist', class: 'primary', text: '复制' });
    btn.addEventListener('click', function () {
      copyText(c.copy_text).then(function (ok) {
        copyStatus.textContent = ok ? '已复制（' + c.copy_bytes + '字节，可直接粘贴到微信）' : '复制失败：请手动选中下面的文字复制';
        copyStatus.className = 'status' + (ok ? ' ok' : ' error');
        $('copied-text').textContent = ok ? c.copy_text : '';
      });
    });
    box.appendChild(el('article', { class: 'card checklist-card', data: { benefit: c.benefit_id } },
      el('header', null, el('h3', { text: '【' + c.name + '】申请材料' }), pick),
      c.items.length ? el('ol', { class: 'items' }, c.items.map(function (x) { return el('li', { text: x }); }))
                     : el('p', { text: '文件未列申请材料，请向' + c.contact_office + '咨询。' }),
      c.who ? el('div', { text: '谁来办：' + c.who }) : null,
      el('div', { class: 'office', text: '去哪办：' + (c.office || ('文件未写明，请问' + c.contact_office)) }),
      c.window ? el('div', { class: 'window', text: '时间：' + c.window }) : null,
      c.procedure ? el('div', { text: '办法：' + c.procedure }) : null,
      c.note ? el('div', { class: 'note warn', text: c.note }) : null,
      el('div', { class: 'citation', text: '依据：' + c.citation }),
      el('div', { class: 'validity' + (c.ended ? ' ended-warning' : ''), text: c.validity }),
      el('div', { class: 'card-actions' }, btn, copyStatus),
      el('details', null, el('summary', { text: '复制的文字（' + c.copy_bytes + '字节，微信一条不超过2048字节）' }), copied),
      el('pre', { id: 'copied-text', class: 'copied-text', hidden: true })));
  }

  function copyText(text) {
    function fallback() {
      var ta = el('textarea', { class: 'offscreen', readonly: true });
      ta.value = text;
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(ta);
      return ok;
    }
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return fallback(); });
    }
    return Promise.resolve(fallback());
  }

  // ------------------------------------------------------------------------------------------ wiring
  $('say-form').addEventListener('submit', function (ev) { ev.preventDefault(); send($('say-text').value); });
  $('say-text').addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); send($('say-text').value); }
  });
  $('new-call').addEventListener('click', function () { newCall().then(loadList); });
  $('refresh-list').addEventListener('click', loadList);
  $('scope').addEventListener('change', loadList);
  $('handover-toggle').addEventListener('click', toggleHandover);

  var m = /sid=([^&]+)/.exec(window.location.hash || '');
  (m ? openConversation(decodeURIComponent(m[1])) : newCall()).then(loadList);
})();
