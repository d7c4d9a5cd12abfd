/* 热线坐席台 — the answer side of the page: the pinned conclusion line, the answer cards, the checklist, the
 * coverage line, the feedback form. Plain JavaScript; every text from a caller, the bot or the server goes in with
 * textContent (el() below); innerHTML is never used. console.js drives it through window.ConsoleUI. */
(function () {
  'use strict';

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

  function optionList(select, pairs, current, unknownLabel) {
    select.appendChild(el('option', { value: '', text: unknownLabel || '未知' }));
    pairs.forEach(function (p) {
      var o = el('option', { value: p[0], text: p[1] });
      if (current !== null && current !== undefined && String(current) === p[0]) o.selected = true;
      select.appendChild(o);
    });
    return select;
  }

  // ------------------------------------------------------------------------------------------ conclusion
  function conclusion(view) {
    var box = clear($('conclusion'));
    var c = view.conclusion || { parts: [], text: '' };
    box.className = 'conclusion' + (c.status ? ' ' + c.status : '');
    if (!c.parts.length) { box.appendChild(el('span', { class: 'conc-empty', text: c.text })); return; }
    c.parts.forEach(function (p, i) {
      if (i > 1) box.appendChild(el('span', { class: 'arrow', text: ' → ' }));
      var cls = 'conc-' + p.kind + (p.kind === 'payee' && !p.personal ? ' not-personal' : '');
      box.appendChild(el(p.kind === 'name' ? 'b' : 'span', { class: cls, text: p.kind === 'name' ? '【' + p.text + '】' : p.text }));
    });
    if (c.more) box.appendChild(el('span', { class: 'conc-more', text: '（另有' + c.more + '项，见卡片）' }));
  }

  function coverage(view) {
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

  // ------------------------------------------------------------------------------------------ cards
  function conds(cls, items, mark) {
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

  function cards(view, ctx) {
    var box = clear($('cards'));
    if (!view.cards.length) {
      box.appendChild(el('p', { class: 'empty', text: '暂无答案卡片。' }));
      return;
    }
    view.cards.forEach(function (c) {
      var a = c.amount;
      box.appendChild(el('article', { class: 'card ' + c.status + (c.ended ? ' ended' : ''), data: { benefit: c.id } },
        el('header', null,
          el('h3', { class: 'card-name', text: c.name }),
          el('span', { class: 'badge status ' + c.status, text: c.status_text }),
          c.said_by_bot ? el('span', { class: 'badge said', text: '机器人已答' }) : null,
          c.ended ? el('span', { class: 'badge ended', text: '政策已到期' }) : null),
        el('div', { class: 'amount' }, el('span', { class: 'amount-line', text: showSteps(a) ? a.headline : a.line })),
        el('div', { class: 'payee' + (c.payee.personal ? '' : ' not-personal') }, c.payee.text),
        el('div', { class: 'validity' + (c.ended ? ' ended-warning' : ''), text: c.validity }),
        showSteps(a) ? el('ol', { class: 'steps' }, a.steps.map(function (s) { return el('li', { text: s }); })) : null,
        a.rule && a.rule !== a.line ? el('div', { class: 'rule', text: '计算办法：' + a.rule }) : null,
        a.missing.length ? el('div', { class: 'ask', text: '算金额还要问：' + a.missing.map(function (m) { return m.question; }).join(' / ') }) : null,
        el('div', { class: 'conditions' },
          conds('met', c.conditions.met, '✓'),
          conds('failed', c.conditions.failed, '✗'),
          conds('unknown', c.conditions.unknown, '？')),
        c.reasons.length ? el('div', { class: 'reasons', text: '不符合的原因：' + c.reasons.join('；') }) : null,
        c.partners.length ? el('div', { class: 'note', text: '注意：与' + c.partners.join('、') + '不能同时享受' }) : null,
        c.limits.length ? el('div', { class: 'note', text: '限制：' + c.limits.join('；') }) : null,
        c.notes.map(function (n) { return el('div', { class: 'note', text: '注：' + n }); }),
        el('div', { class: 'apply', text: [c.apply.office ? '去哪办：' + c.apply.office : '去哪办：文件未写明，请问' + c.apply.contact_office,
                                           c.apply.window ? '时间：' + c.apply.window : ''].filter(Boolean).join('；') }),
        el('details', { class: 'citation' },
          el('summary', null, '依据：', el('b', { class: 'docno', text: c.citation.document_no }), ' ', c.citation.clause,
             ' 《' + c.citation.title + '》'),
          c.citation.quotes.map(function (q) { return el('blockquote', { class: 'quote', text: '“' + q + '”' }); })),
        el('div', { class: 'card-actions' },
          el('button', { type: 'button', class: 'show-checklist', text: '看材料清单',
                         on: { click: function () { ctx.checklistId = c.id; checklist(view, ctx); $('checklist').scrollIntoView({ block: 'nearest' }); } } }),
          feedbackWidget({ benefit_id: c.id }, '标记有误/过时', ctx))));
    });
  }

  function feedbackWidget(target, label, ctx) {
    var wrap = el('span', { class: 'feedback' });
    var open = el('button', { type: 'button', class: 'mark-wrong', text: label });
    var form = el('form', { class: 'feedback-form', hidden: true });
    var kind = el('select', { name: 'kind', 'aria-label': '问题类型' },
      el('option', { value: 'wrong', text: '答案有误' }), el('option', { value: 'outdated', text: '政策过时' }));
    var comment = el('textarea', { name: 'comment', rows: 2, maxlength: 1000, placeholder: '哪里不对？应该是什么？（必填）' });
    var status = el('span', { class: 'status' });
    add(form, [kind, comment, el('button', { type: 'submit', text: '提交' }),
               el('button', { type: 'button', text: '取消', on: { click: function () { form.hidden = true; } } }), status]);
    open.addEventListener('click', function () { form.hidden = !form.hidden; if (!form.hidden) comment.focus(); });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { sid: ctx.sid(), kind: kind.value, comment: comment.value };
      Object.keys(target).forEach(function (k) { body[k] = target[k]; });
      ctx.api('POST', '/api/feedback', body).then(function () {
        status.textContent = '已记录，可在“答案审核”页查看';
        status.className = 'status ok';
        comment.value = '';
      }).catch(function (e) { status.textContent = e.message; status.className = 'status error'; });
    });
    wrap.appendChild(open);
    wrap.appendChild(form);
    return wrap;
  }

  // ------------------------------------------------------------------------------------------ checklist
  function checklist(view, ctx) {
    var box = clear($('checklist'));
    var lists = view.checklists || [];
    if (!lists.length) { box.appendChild(el('p', { class: 'empty', text: '暂无材料清单。' })); return; }
    var c = lists.filter(function (x) { return x.benefit_id === ctx.checklistId; })[0] || lists[0];
    var pick = null;
    if (lists.length > 1) {
      pick = optionList(el('select', { id: 'checklist-pick', 'aria-label': '哪项补贴的材料' }),
        lists.map(function (x) { return [x.benefit_id, x.name]; }), c.benefit_id, '选择补贴项目');
      pick.addEventListener('change', function () { if (pick.value) { ctx.checklistId = pick.value; checklist(view, ctx); } });
    }
    var copyStatus = el('span', { class: 'status', id: 'copy-status', role: 'status' });
    var copied = el('pre', { class: 'copy-preview', id: 'copy-preview', text: c.copy_text });
    var btn = el('button', { type: 'button', id: 'copy-checklist', class: 'primary', title: '复制清单（Alt+C）', text: '复制' });
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

  window.ConsoleUI = { el: el, add: add, clear: clear, $: $, optionList: optionList, conclusion: conclusion,
                       coverage: coverage, cards: cards, checklist: checklist, feedbackWidget: feedbackWidget };
})();
