/* 答案审核页: mark a feedback entry handled / reopen it. No innerHTML. */
(function () {
  'use strict';
  var csrf = document.querySelector('meta[name="console-csrf"]').getAttribute('content');
  Array.prototype.forEach.call(document.querySelectorAll('button.resolve'), function (btn) {
    btn.addEventListener('click', function () {
      btn.disabled = true;
      fetch('/console/api/feedback/resolve', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Console-CSRF': csrf },
        body: JSON.stringify({ id: Number(btn.dataset.id), resolved: btn.dataset.resolved === 'true' })
      }).then(function (r) {
        return r.json().then(function (d) {
          if (!r.ok) throw new Error(d && d.error || ('请求失败（' + r.status + '）'));
          window.location.reload();
        });
      }).catch(function (e) { btn.disabled = false; btn.textContent = e.message; });
    });
  });
})();
