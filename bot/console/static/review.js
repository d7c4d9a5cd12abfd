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
      }).catch(function () {
        throw new Error('连不上服务器，请检查网络后再点一次');
      }).then(function (r) {
        return r.json().catch(function () { return null; }).then(function (d) {
          if (!r.ok) throw new Error(d && d.error || ('服务器出错了（' + r.status + '），请稍后再点一次'));
          window.location.reload();
        });
      }).catch(function (e) { btn.disabled = false; btn.textContent = e.message; btn.classList.add('error'); });
    });
  });
})();
